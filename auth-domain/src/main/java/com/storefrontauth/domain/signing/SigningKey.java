package com.storefrontauth.domain.signing;

import com.storefrontauth.domain.shared.PublicId;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * A key that signs access tokens. The newest active key signs; a retired key stays published until
 * every token it may have signed has expired.
 */
public record SigningKey(
        String kid,
        SigningAlgorithm algorithm,
        PublicKey publicKey,
        PrivateKey privateKey,
        Instant createdAt,
        Instant retiredAt) {

    /** The longest access-token lifetime a policy allows, hence how long a retired key stays published. */
    public static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofSeconds(86400);

    static SigningKey generate(SigningAlgorithm algorithm, Instant now) {
        KeyPair pair = algorithm.generateKeyPair();
        return new SigningKey(PublicId.generate("sig_"), algorithm, pair.getPublic(), pair.getPrivate(), now, null);
    }

    public boolean isActive() {
        return retiredAt == null;
    }

    /** Whether tokens signed by this key may still be live at {@code now}. */
    public boolean isPublished(Instant now) {
        return retiredAt == null || now.isBefore(retiredAt.plus(LONGEST_TOKEN_LIFETIME));
    }

    public String status(Instant now) {
        return isActive() ? "active" : isPublished(now) ? "retired" : "expired";
    }

    SigningKey retire(Instant now) {
        return new SigningKey(kid, algorithm, publicKey, privateKey, createdAt, now);
    }
}
