package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Per-identifier lockout (API.md 429 {@code too_many_attempts}). It is keyed by the normalised
 * identifier whether or not an account exists, so a lockout reveals nothing, and it is checked before
 * any password hash is computed.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    LoginFailureRepository failures;

    @Inject
    Transactions transactions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The key of an identifier within a store: its hash, never the identifier itself. */
    public static TokenHash keyOf(String kind, String normalisedIdentifier) {
        return TokenHash.of(kind + ":" + normalisedIdentifier);
    }

    public void requireNotLocked(Store store, TokenHash identifier) {
        Instant now = clock.instant();
        transactions.required(() -> failures.lockedUntil(store.id(), identifier))
                .filter(until -> until.isAfter(now))
                .ifPresent(until -> {
                    throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                            "Too many failed attempts. Try again later.", Map.of(), Map.of(),
                            LoginLockout.retryAfterSeconds(until, now));
                });
    }

    /** Counts a failure (committed even though the request fails) and locks when the threshold is reached. */
    public void recordFailure(Store store, TokenHash identifier, String subject, ClientInfo client) {
        Instant now = clock.instant();
        transactions.independent(() -> {
            long count = failures.recordFailure(store.id(), identifier, now);
            Duration lock = LoginLockout.lockFor(count, store.policy());
            if (!lock.isZero()) {
                failures.lockUntil(store.id(), identifier, now.plus(lock));
                audit.record(store.id(), AuditEventType.ACCOUNT_LOCKED, subject, client,
                        Map.of("consecutive_failures", String.valueOf(count), "locked_seconds",
                                String.valueOf(lock.getSeconds())));
            }
        });
    }

    public void recordSuccess(Store store, TokenHash identifier) {
        failures.clear(store.id(), identifier);
    }
}
