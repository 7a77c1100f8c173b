package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.RetryAfter;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One code-based step: a code sent to a destination for one action, in one store, for one subject.
 * The {@code otp_token} handle and the code are kept only as hashes. A challenge is used up by one
 * success, burned by {@code maxAttempts} wrong codes, and dead after its expiry. A decoy (the answer
 * to an unknown identifier) behaves the same to the outside but never verifies.
 */
public class OtpChallenge {

    public static final String TOKEN_PREFIX = "otp_";

    public enum Status {
        OPEN,
        USED,
        BURNED
    }

    /** A new challenge with its token and code, which exist in clear only here. */
    public record Issued(OtpChallenge challenge, String token, String code) {}

    private final TokenHash id;
    private final StoreId store;
    private final OtpAction action;
    private final Destination destination;
    private final String subject;
    private final boolean decoy;
    private final int maxAttempts;
    private final Instant createdAt;
    private String codeHash;
    private int attempts;
    private int sends;
    private Instant lastSentAt;
    private Instant expiresAt;
    private Status status;

    public OtpChallenge(
            TokenHash id,
            StoreId store,
            OtpAction action,
            Destination destination,
            String subject,
            boolean decoy,
            String codeHash,
            int attempts,
            int maxAttempts,
            int sends,
            Instant lastSentAt,
            Instant expiresAt,
            Status status,
            Instant createdAt) {
        this.id = id;
        this.store = store;
        this.action = action;
        this.destination = destination;
        this.subject = subject;
        this.decoy = decoy;
        this.codeHash = codeHash;
        this.attempts = attempts;
        this.maxAttempts = maxAttempts;
        this.sends = sends;
        this.lastSentAt = lastSentAt;
        this.expiresAt = expiresAt;
        this.status = status;
        this.createdAt = createdAt;
    }

    /**
     * @param subject the customer or merchant account the code is for; null for a sign-up or a decoy
     */
    public static Issued issue(
            StoreId store,
            OtpAction action,
            Destination destination,
            String subject,
            boolean decoy,
            OtpRules rules,
            OtpCodes codes,
            Instant now) {
        String token = RandomSecret.generate(TOKEN_PREFIX);
        TokenHash id = TokenHash.of(token);
        String code = OtpCodes.generate(rules.codeLength());
        OtpChallenge challenge = new OtpChallenge(
                id,
                store,
                action,
                destination,
                subject,
                decoy,
                codes.hash(id, code),
                0,
                rules.maxAttempts(),
                1,
                now,
                now.plus(rules.ttl()),
                Status.OPEN,
                now);
        return new Issued(challenge, token, code);
    }

    public sealed interface Outcome permits Accepted, Rejected, Burned, Dead {}

    /** The right code: the challenge is used up. */
    public record Accepted() implements Outcome {}

    /** A wrong code with attempts left. */
    public record Rejected(int attemptsRemaining) implements Outcome {}

    /** The last allowed wrong code: the challenge is burned. */
    public record Burned() implements Outcome {}

    /** Expired, used, or burned before this attempt; nothing changed. */
    public record Dead(Status status, boolean expired) implements Outcome {}

    public Outcome verify(String code, OtpCodes codes, Instant now) {
        if (status != Status.OPEN || !now.isBefore(expiresAt)) {
            return new Dead(status, status == Status.OPEN);
        }
        // the hash is computed for decoys too, so both cost the same
        boolean matches = codes.matches(codeHash, id, code) && !decoy;
        if (matches) {
            status = Status.USED;
            return new Accepted();
        }
        attempts++;
        if (attempts >= maxAttempts) {
            status = Status.BURNED;
            return new Burned();
        }
        return new Rejected(maxAttempts - attempts);
    }

    /**
     * A new code for the same challenge, with a fresh expiry and attempt count (the per-destination
     * daily failure budget bounds how often that can be repeated). Refused inside the cooldown.
     */
    public String resend(OtpRules rules, OtpCodes codes, Instant now) {
        if (status != Status.OPEN || !now.isBefore(expiresAt)) {
            throw new DomainException(ErrorCode.OTP_EXPIRED, "This code has expired or was already used; start again.");
        }
        Instant allowedAt = lastSentAt.plus(rules.resendCooldown());
        if (now.isBefore(allowedAt)) {
            throw new DomainException(
                    ErrorCode.RATE_LIMITED,
                    "A code was sent moments ago; wait before asking again.",
                    Map.of(),
                    Map.of(),
                    RetryAfter.seconds(now, allowedAt));
        }
        String code = OtpCodes.generate(rules.codeLength());
        codeHash = codes.hash(id, code);
        attempts = 0;
        sends++;
        lastSentAt = now;
        expiresAt = now.plus(rules.ttl());
        return code;
    }

    public boolean isOpen(Instant now) {
        return status == Status.OPEN && now.isBefore(expiresAt);
    }

    /** Seconds until the code expires, as the challenge response shows it. */
    public long expiresIn(Instant now) {
        return Math.max(0, Duration.between(now, expiresAt).getSeconds());
    }

    public TokenHash id() {
        return id;
    }

    public StoreId store() {
        return store;
    }

    public OtpAction action() {
        return action;
    }

    public Destination destination() {
        return destination;
    }

    public OtpChannel channel() {
        return destination.channel();
    }

    public String subject() {
        return subject;
    }

    public boolean decoy() {
        return decoy;
    }

    public String codeHash() {
        return codeHash;
    }

    public int attempts() {
        return attempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int sends() {
        return sends;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
