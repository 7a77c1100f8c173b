package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.RetryAfter;
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

    /**
     * Reserves one password check of the key; refused while it is locked. Customer keys count in the
     * store under its policy. Merchant and platform-admin sign-in belong to no store, wherever the form is
     * (the management API, the console, a storefront's {@code login_as: owner}): account keys count once
     * per email under a reserved scope with the default policy's lockout numbers, and their events are
     * platform events ({@code store} may be null).
     */
    public Attempt reserve(Store store, LockoutKey key) {
        return key.isAccount()
                ? reserve(ACCOUNTS, LoginPolicy.defaults(), null, key.hash())
                : reserve(store.id(), store.policy(), store.id(), key.hash());
    }

    /** The owner of the identifier proved themselves another way (a reset code or link): a lockout from guessing is over. */
    public void clear(Store store, LockoutKey key) {
        failures.clear(key.isAccount() ? ACCOUNTS : store.id(), key.hash());
    }

    private Attempt reserve(StoreId scope, LoginPolicy policy, StoreId auditStore, TokenHash identifier) {
        Instant now = clock.instant();
        FailureCount reserved = transactions.independent(() -> {
            FailureCount current = failures.lock(scope, identifier, now);
            if (current.isLockedAt(now)) {
                throw new DomainException(
                        ErrorCode.TOO_MANY_ATTEMPTS,
                        "Too many failed attempts. Try again later.",
                        Map.of(),
                        Map.of(),
                        RetryAfter.seconds(now, current.lockedUntil()));
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
                transactions.independent(() -> audit.record(
                        auditStore,
                        AuditEventType.ACCOUNT_LOCKED,
                        subject,
                        client,
                        Map.of(
                                "consecutive_failures",
                                String.valueOf(reserved.failures()),
                                "locked_seconds",
                                String.valueOf(Duration.between(reserved.lastAttemptAt(), reserved.lockedUntil())
                                        .getSeconds()))));
            }
        }
    }
}
