package com.storefrontauth.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The refresh token that follows a presented one: an HMAC of it under a server key, not a random value.
 * A retried presentation (an answer lost on the way, two tabs at once) can then be answered the very same
 * successor, recomputed, while the database keeps only hashes of refresh tokens.
 */
public final class RefreshSuccessors {

    private final SecretKeySpec key;

    public RefreshSuccessors(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String of(String presented) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] successor = mac.doFinal(presented.getBytes(StandardCharsets.US_ASCII));
            return SessionIssuer.REFRESH_TOKEN_PREFIX
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(successor);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
