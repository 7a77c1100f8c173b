package com.storefrontauth.domain.account;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.session.RefreshScope;
import com.storefrontauth.domain.session.RefreshTokenRotation;
import com.storefrontauth.domain.session.SessionIssuer;
import com.storefrontauth.domain.session.SessionLifetimes;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.throttle.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sign-in of merchants and the platform admin. A wrong password and an unknown email cost the same
 * hash and get the same answer.
 */
@ApplicationScoped
public class MerchantLogin {

    private static final int MAX_PASSWORD_LENGTH = 256;

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionIssuer issuer;

    @Inject
    RefreshTokenRotation rotation;

    @Inject
    StoreAccess access;

    @Inject
    LoginThrottle throttle;

    @Inject
    MerchantActivation activation;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    public MerchantSignIn login(String email, String password, ClientInfo client) {
        TokenHash key = accountKey(email);
        throttle.requireAccountNotLocked(key);
        return counted(key, client, () -> signIn(email, password, null, client));
    }

    /**
     * {@code login_as: owner} on a storefront: a merchant signs in through their store's own sign-in
     * form. An account that does not belong to the store is refused exactly like a wrong password, and
     * failures count towards the same per-identifier lockout as customer sign-in.
     */
    public MerchantSignIn loginAsOwner(Store store, String email, String password, ClientInfo client) {
        TokenHash key = LoginThrottle.keyOf("owner", EmailAddress.parse(email).map(EmailAddress::value).orElse(""));
        throttle.requireNotLocked(store, key);
        try {
            MerchantSignIn signIn = signIn(email, password, store.id(), client);
            transactions.required(() -> throttle.recordSuccess(store, key));
            return signIn;
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.INVALID_CREDENTIALS) {
                throttle.recordFailure(store, key, null, client);
            }
            throw refused;
        }
    }

    /**
     * The admin console's sign-in: the same checks and refusals as {@link #login}, but no token session
     * (the console keeps its own HTTP session).
     */
    public MerchantAccount authenticate(String email, String password, ClientInfo client) {
        TokenHash key = accountKey(email);
        throttle.requireAccountNotLocked(key);
        MerchantAccount account = counted(key, client, () -> checkPassword(email, password, null, client));
        transactions.required(() -> audit.record(null, AuditEventType.LOGIN_SUCCEEDED, account.id().value(), client,
                Map.of("method", "password", "login_as", "console")));
        return account;
    }

    /**
     * Whether a console session that signed in with {@code stamp} may go on: the account is still active
     * and its password has not changed since.
     */
    public boolean isStillValid(AccountId id, String stamp) {
        return transactions.required(() -> accounts.find(id))
                .filter(account -> account.status() == AccountStatus.ACTIVE && account.credentialStamp().equals(stamp))
                .isPresent();
    }

    /**
     * Account sign-in failures count per email (known or not, so the lockout reveals nothing) towards the
     * default policy's lockout; a success clears them.
     */
    private <T> T counted(TokenHash key, ClientInfo client, Supplier<T> attempt) {
        try {
            T result = attempt.get();
            transactions.required(() -> throttle.recordAccountSuccess(key));
            return result;
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.INVALID_CREDENTIALS) {
                throttle.recordAccountFailure(key, null, client);
            }
            throw refused;
        }
    }

    static TokenHash accountKey(String email) {
        return LoginThrottle.keyOf("account", EmailAddress.parse(email).map(EmailAddress::value).orElse(""));
    }

    private MerchantSignIn signIn(String email, String password, StoreId ownStore, ClientInfo client) {
        MerchantAccount account = checkPassword(email, password, ownStore, client);
        return transactions.required(() -> {
            SubjectKind kind = account.isPlatformAdmin() ? SubjectKind.PLATFORM_ADMIN : SubjectKind.MERCHANT;
            TokenGrant grant = issuer.start(null, kind, account.id().value(), null, SessionLifetimes.MERCHANT, client);
            audit.record(ownStore, AuditEventType.LOGIN_SUCCEEDED, account.id().value(), client,
                    Map.of("method", "password", "login_as", ownStore == null ? "account" : "owner",
                            "session_id", grant.session().id().value()));
            return new MerchantSignIn(account, access.visibleTo(operatorOf(account)), grant);
        });
    }

    /** The account behind a correct password (rehashed when its parameters are old), or the refusal of API.md. */
    private MerchantAccount checkPassword(String email, String password, StoreId ownStore, ClientInfo client) {
        Optional<EmailAddress> address = EmailAddress.parse(email);
        String candidate = password == null || password.length() > MAX_PASSWORD_LENGTH ? "" : password;
        Optional<MerchantAccount> found = address.flatMap(a -> transactions.required(() -> accounts.findByEmail(a.value())));
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(candidate);
            throw refused(ownStore, address.map(EmailAddress::value).orElse(null), client);
        }
        MerchantAccount account = found.get();
        PasswordHasher.Verification verification = hasher.verify(account.passwordHash(), candidate);
        boolean belongs = ownStore == null || transactions.required(() -> accounts.isMember(account.id(), ownStore));
        if (!verification.matches() || !belongs) {
            throw refused(ownStore, account.id().value(), client);
        }
        if (account.status() == AccountStatus.DISABLED) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
        }
        if (account.status() == AccountStatus.INACTIVE) {
            throw activation.resendOnSignIn(account, client);
        }
        if (verification.rehash() != null) {
            transactions.required(() -> accounts.updatePasswordHash(account.id(), verification.rehash()));
            account.replacePasswordHash(verification.rehash());
        }
        return account;
    }

    /** The account and stores behind a refreshed merchant session, with the new tokens. */
    public MerchantSignIn refresh(String refreshToken, ClientInfo client) {
        TokenGrant grant = rotation.rotate(refreshToken, RefreshScope.management(), client);
        return transactions.required(() -> {
            MerchantAccount account = accounts.find(new AccountId(grant.session().subject()))
                    .filter(MerchantAccount::isActive)
                    .orElseThrow(() -> new DomainException(ErrorCode.INVALID_REFRESH_TOKEN,
                            "The account no longer exists or is disabled."));
            return new MerchantSignIn(account, access.visibleTo(operatorOf(account)), grant);
        });
    }

    public void logout(String refreshToken, ClientInfo client) {
        rotation.logout(refreshToken, RefreshScope.management(), client);
    }

    public static Operator operatorOf(MerchantAccount account) {
        return account.isPlatformAdmin() ? new Operator.PlatformAdmin(account.id()) : new Operator.Merchant(account.id());
    }

    private DomainException refused(StoreId store, String subject, ClientInfo client) {
        audit.recordRefusal(store, AuditEventType.LOGIN_FAILED, subject, client,
                Map.of("reason", "invalid_credentials", "login_as", store == null ? "account" : "owner"));
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "The email or password is not correct.");
    }
}
