package com.storefrontauth.domain.credential;

import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.throttle.LockoutKey;
import com.storefrontauth.domain.throttle.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The one way a presented password is judged. Its attempt is reserved under the key's lockout first
 * (429 {@code too_many_attempts} while locked, before any hash is computed and before the holder is looked
 * up); then it is verified against the holder's hash, or against a dummy hash when there is no holder, so
 * timing does not tell; and the answer settles the attempt: a match clears the count, anything else stays
 * counted.
 */
@ApplicationScoped
public class PasswordCheck {

    /**
     * The longest presented password that is hashed; a longer one is judged as the empty password.
     * Passwords are set at most {@link PasswordPolicy#MAX_LENGTH} characters after NFKC, which a client may
     * send as up to four UTF-16 units each (surrogate pairs, forms that NFKC composes): this admits every
     * password that can have been set and still bounds the work an attacker can ask for.
     */
    public static final int MAX_PRESENTED_LENGTH = PasswordPolicy.MAX_LENGTH * 4;

    private LoginThrottle throttle;
    private PasswordHasher hasher;

    protected PasswordCheck() {
        // for CDI proxies
    }

    @Inject
    public PasswordCheck(LoginThrottle throttle, PasswordHasher hasher) {
        this.throttle = throttle;
        this.hasher = hasher;
    }

    /**
     * Reserves a check of a password held under {@code key}: a customer's in {@code store} (hashed in the
     * store's share), or an account's (store null, hashed in the platform's).
     */
    public Reserved reserve(Store store, LockoutKey key) {
        return new Reserved(key.isAccount() ? null : store.id(), throttle.reserve(store, key));
    }

    /** A reserved check, to verify once the holder is known. */
    public final class Reserved {

        private final StoreId share;
        private final LoginThrottle.Attempt attempt;

        private Reserved(StoreId share, LoginThrottle.Attempt attempt) {
            this.share = share;
            this.attempt = attempt;
        }

        /**
         * Verifies {@code presented} against {@code storedHash} (empty: no such holder, or one the caller
         * refuses like a wrong password) and settles the attempt; a wrong password names {@code subject} in
         * the lock it may start.
         */
        public PasswordHasher.Verification verify(
                Optional<String> storedHash, String presented, String subject, ClientInfo client) {
            String candidate = presented == null || presented.length() > MAX_PRESENTED_LENGTH ? "" : presented;
            PasswordHasher.Verification verification;
            if (storedHash.isPresent()) {
                verification = hasher.verify(share, storedHash.get(), candidate);
            } else {
                hasher.verifyAgainstDummy(share, candidate);
                verification = new PasswordHasher.Verification(false, null);
            }
            if (verification.matches()) {
                attempt.succeeded();
            } else {
                attempt.failed(subject, client);
            }
            return verification;
        }
    }
}
