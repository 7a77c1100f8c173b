package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Per-identifier lockout (API.md 429 {@code too_many_attempts}). It is keyed by the normalised
 * identifier whether or not an account exists, so a lockout reveals nothing. Every password check first
 * reserves its attempt here, atomically and before any hash is computed, so concurrent guesses cannot all
 * be judged against a count that none of them has raised yet.
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

    /** Reserves one password check of a customer identifier in the store; refused while it is locked. */
    public Attempt reserve(Store store, TokenHash identifier) {
        return reserve(store.id(), store.policy(), store.id(), identifier);
    }

    /**
     * Merchant and platform-admin sign-in belong to no store, wherever the form is (the management API, the
     * console, a storefront's {@code login_as: owner}): their attempts count once per email under a reserved
     * scope with the default policy's lockout numbers, and their events are platform events.
     */
    public Attempt reserveAccount(TokenHash identifier) {
        return reserve(ACCOUNTS, LoginPolicy.defaults(), null, identifier);
    }

    /** The owner of the identifier proved themselves another way (a reset code): a lockout from guessing is over. */
    public void clear(Store store, TokenHash identifier) {
        failures.clear(store.id(), identifier);
    }

    /** An account's owner proved themselves by a reset code: a lockout of its sign-in is over. */
    public void clearAccount(TokenHash identifier) {
        failures.clear(ACCOUNTS, identifier);
    }

    private Attempt reserve(StoreId scope, LoginPolicy policy, StoreId auditStore, TokenHash identifier) {
        Instant now = clock.instant();
        FailureCount reserved = transactions.independent(() -> {
            FailureCount current = failures.lock(scope, identifier, now);
            if (current.isLockedAt(now)) {
                throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS, "Too many failed attempts. Try again later.",
                        Map.of(), Map.of(), LoginLockout.retryAfterSeconds(current.lockedUntil(), now));
            }
            FailureCount next = LoginLockout.reserve(current, now, policy);
            failures.save(scope, identifier, next);
            return next;
        });
        return new Attempt(scope, auditStore, identifier, reserved);
    }

    /** One reserved password check, to settle once the password is judged. */
    public final class Attempt {

        private final StoreId scope;
        private final StoreId auditStore;
        private final TokenHash identifier;
        private final FailureCount reserved;

        private Attempt(StoreId scope, StoreId auditStore, TokenHash identifier, FailureCount reserved) {
            this.scope = scope;
            this.auditStore = auditStore;
            this.identifier = identifier;
            this.reserved = reserved;
        }

        /** The password was correct: the count starts over and any lock this attempt started is lifted. */
        public void succeeded() {
            transactions.required(() -> failures.clear(scope, identifier));
        }

        /** The password was wrong: the attempt stays counted; a lock it started is recorded. */
        public void failed(String subject, ClientInfo client) {
            if (reserved.lockedUntil() != null) {
                transactions.independent(() -> audit.record(auditStore, AuditEventType.ACCOUNT_LOCKED, subject, client,
                        Map.of("consecutive_failures", String.valueOf(reserved.failures()), "locked_seconds",
                                String.valueOf(Duration.between(reserved.lastAttemptAt(), reserved.lockedUntil()).getSeconds()))));
            }
        }
    }
}
