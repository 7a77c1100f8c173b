package com.storefrontauth.api.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures a webhook request carries, all HMAC-SHA256 under {@code auth.webhook.secret}:
 * {@code X-Auth-Signature: sha256=<hex HMAC(body)>} as API.md defines it, and, so that a receiver can
 * refuse a replayed request, {@code X-Auth-Timestamp: <unix seconds>} with
 * {@code X-Auth-Signature-V2: t=<unix seconds>,sha256=<hex HMAC("<unix seconds>.<body>")>}.
 */
record WebhookSignature(String body, String timestamp, String timestamped) {

    static WebhookSignature of(String secret, String body, Instant now) {
        String timestamp = String.valueOf(now.getEpochSecond());
        return new WebhookSignature(
                "sha256=" + hmac(secret, body),
                timestamp,
                "t=" + timestamp + ",sha256=" + hmac(secret, timestamp + "." + body));
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
