package com.storefrontauth.domain.delivery;

import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.PublicId;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;

/**
 * A message waiting for (or done with) delivery. Its text, code and (emails only) HTML part are sealed
 * ({@code OtpCodes#seal}, bound to the message id); once delivered or dropped the sealed copies are
 * erased, except where {@code retained} (test-mode stores, whose outbox page shows what was sent).
 */
public record OutboxMessage(
        String id,
        StoreId store,
        TokenHash challenge,
        OtpChannel channel,
        String recipient,
        String subject,
        String sealedText,
        String sealedCode,
        String sealedHtml,
        boolean retained,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant expiresAt,
        Instant createdAt,
        Instant deliveredAt,
        String transport,
        String lastError) {

    public static final String ID_PREFIX = "msg_";

    public enum Status {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** Accepted by the provider (any 2xx, or the SMTP server took it). */
        DELIVERED,
        /** Its code expired before a provider accepted it: dropped. */
        EXPIRED,
        /** A newer code for the same challenge was queued; this one is no longer worth sending. */
        SUPERSEDED
    }

    public static String newId() {
        return PublicId.generate(ID_PREFIX);
    }
}
