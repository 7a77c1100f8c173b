package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.LoginPolicy;
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

    /** The scope of merchant and platform-admin sign-in failures: a store id no store can have. */
    static final StoreId ACCOUNTS = new StoreId(StoreId.PREFIX + "0".repeat(24));

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
        requireNotLocked(store.id(), identifier);
    }

    /** Counts a failure (committed even though the request fails) and locks when the threshold is reached. */
    public void recordFailure(Store store, TokenHash identifier, String subject, ClientInfo client) {
        recordFailure(store.id(), store.policy(), store.id(), identifier, subject, client);
    }

    public void recordSuccess(Store store, TokenHash identifier) {
        failures.clear(store.id(), identifier);
    }

    /**
     * Merchant and platform-admin sign-in belong to no store: their failures count under a reserved scope
     * (no store has this id) with the default policy's lockout numbers; their events are platform events.
     */
    public void requireAccountNotLocked(TokenHash identifier) {
        requireNotLocked(ACCOUNTS, identifier);
    }

    public void recordAccountFailure(TokenHash identifier, String subject, ClientInfo client) {
        recordFailure(ACCOUNTS, LoginPolicy.defaults(), null, identifier, subject, client);
    }

    public void recordAccountSuccess(TokenHash identifier) {
        failures.clear(ACCOUNTS, identifier);
    }

    private void requireNotLocked(StoreId scope, TokenHash identifier) {
        Instant now = clock.instant();
        transactions.required(() -> failures.lockedUntil(scope, identifier))
                .filter(until -> until.isAfter(now))
                .ifPresent(until -> {
                    throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                            "Too many failed attempts. Try again later.", Map.of(), Map.of(),
                            LoginLockout.retryAfterSeconds(until, now));
                });
    }

    private void recordFailure(StoreId scope, LoginPolicy policy, StoreId auditStore, TokenHash identifier,
            String subject, ClientInfo client) {
        Instant now = clock.instant();
        transactions.independent(() -> {
            long count = failures.recordFailure(scope, identifier, now);
            Duration lock = LoginLockout.lockFor(count, policy);
            if (!lock.isZero()) {
                failures.lockUntil(scope, identifier, now.plus(lock));
                audit.record(auditStore, AuditEventType.ACCOUNT_LOCKED, subject, client,
                        Map.of("consecutive_failures", String.valueOf(count), "locked_seconds",
                                String.valueOf(lock.getSeconds())));
            }
        });
    }
}
