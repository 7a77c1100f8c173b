package com.storefrontauth.domain.account;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.credential.PasswordCheck;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.session.OpaqueAccessTokens;
import com.storefrontauth.domain.session.OpaqueGrant;
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
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.throttle.LockoutKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sign-in of merchants and the platform admin. A wrong password and an unknown email cost the same
 * hash and get the same answer.
 */
@ApplicationScoped
public class MerchantLogin {

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordCheck credentials;

    @Inject
    SessionIssuer issuer;

    @Inject
    RefreshTokenRotation rotation;

    @Inject
    OpaqueAccessTokens opaqueTokens;

    @Inject
    StoreAccess access;

    @Inject
    MerchantActivation activation;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    public MerchantSignIn login(String email, String password, ClientInfo client) {
        return signIn(email, password, null, client);
    }

    /**
     * Password sign-in answered with an opaque access token (no refresh token), for clients built around
     * one long-lived token. Merchants only: the platform admin is refused like a wrong password.
     */
    public MerchantTokenSignIn loginWithOpaqueToken(String email, String password, ClientInfo client) {
        MerchantAccount account = checkPassword(email, password, null, found -> !found.isPlatformAdmin(), client);
        return transactions.required(() -> {
            OpaqueGrant grant =
                    opaqueTokens.issue(SubjectKind.MERCHANT, account.id().value(), client);
            audit.record(
                    null,
                    AuditEventType.LOGIN_SUCCEEDED,
                    account.id().value(),
                    client,
                    Map.of(
                            "method",
                            "password",
                            "login_as",
                            "account",
                            "token",
                            "opaque",
                            "session_id",
                            grant.session().id().value()));
            return new MerchantTokenSignIn(account, access.visibleTo(operatorOf(account)), grant);
        });
    }

    /**
     * The merchant behind an opaque access token, if the token is active and its account still is too;
     * the use keeps the token alive. Anything else is {@code unauthorized}.
     */
    public MerchantTokenSession authenticateOpaqueToken(String token) {
        return transactions
                .required(() -> opaqueTokens
                        .use(token)
                        .flatMap(session -> accounts.find(new AccountId(session.subject()))
                                .filter(MerchantAccount::isActive)
                                .map(account -> new MerchantTokenSession(account, session))))
                .orElseThrow(() ->
                        new DomainException(ErrorCode.UNAUTHORIZED, "The access token is not valid or has expired."));
    }

    /** Ends the session of an opaque access token, as a logout. */
    public void logout(MerchantTokenSession holder, ClientInfo client) {
        rotation.logout(holder.session(), client);
    }

    /**
     * {@code login_as: owner} on a storefront: a merchant signs in through their store's own sign-in
     * form. An account that does not belong to the store is refused exactly like a wrong password, and
     * failures count towards the account's own lockout (one budget per merchant, whichever store's form
     * is used).
     */
    public MerchantSignIn loginAsOwner(Store store, String email, String password, ClientInfo client) {
        return signIn(email, password, store.id(), client);
    }

    /**
     * The admin console's sign-in: the same checks and refusals as {@link #login}, but no token session
     * (the console keeps its own HTTP session).
     */
    public MerchantAccount authenticate(String email, String password, ClientInfo client) {
        MerchantAccount account = checkPassword(email, password, null, found -> true, client);
        transactions.required(() -> audit.record(
                null,
                AuditEventType.LOGIN_SUCCEEDED,
                account.id().value(),
                client,
                Map.of("method", "password", "login_as", "console")));
        return account;
    }

    /**
     * Whether a console session that signed in with {@code stamp} may go on: the account is still active
     * and its password has not changed since.
     */
    public boolean isStillValid(AccountId id, String stamp) {
        return transactions
                .required(() -> accounts.find(id))
                .filter(account -> account.status() == AccountStatus.ACTIVE
                        && account.credentialStamp().equals(stamp))
                .isPresent();
    }

    private MerchantSignIn signIn(String email, String password, StoreId ownStore, ClientInfo client) {
        MerchantAccount account = checkPassword(
                email,
                password,
                ownStore,
                found -> ownStore == null || transactions.required(() -> accounts.isMember(found.id(), ownStore)),
                client);
        return transactions.required(() -> {
            SubjectKind kind = account.isPlatformAdmin() ? SubjectKind.PLATFORM_ADMIN : SubjectKind.MERCHANT;
            TokenGrant grant = issuer.start(null, kind, account.id().value(), null, SessionLifetimes.MERCHANT, client);
            audit.record(
                    ownStore,
                    AuditEventType.LOGIN_SUCCEEDED,
                    account.id().value(),
                    client,
                    Map.of(
                            "method",
                            "password",
                            "login_as",
                            ownStore == null ? "account" : "owner",
                            "session_id",
                            grant.session().id().value()));
            return new MerchantSignIn(account, access.visibleTo(operatorOf(account)), grant);
        });
    }

    /**
     * The account behind a correct password (rehashed when its parameters are old), or the refusal of API.md.
     * Attempts count per email, known or not, so the lockout reveals nothing. An account the route does not
     * admit ({@code admitted}) costs the same hash and is refused and counted like a wrong password; any other
     * refusal (disabled, not activated) comes after a correct password.
     */
    private MerchantAccount checkPassword(
            String email, String password, StoreId ownStore, Predicate<MerchantAccount> admitted, ClientInfo client) {
        PasswordCheck.Reserved attempt = credentials.reserve(null, LockoutKey.account(email));
        Optional<EmailAddress> address = EmailAddress.parse(email);
        Optional<MerchantAccount> found =
                address.flatMap(a -> transactions.required(() -> accounts.findByEmail(a.value())));
        Optional<MerchantAccount> candidate = found.filter(admitted);
        PasswordHasher.Verification verification =
                attempt.verify(candidate.map(MerchantAccount::passwordHash), password, null, client);
        if (!verification.matches()) {
            throw refused(
                    ownStore,
                    ownStore != null
                            ? null
                            : found.map(account -> account.id().value())
                                    .or(() -> address.map(EmailAddress::value))
                                    .orElse(null),
                    client);
        }
        MerchantAccount account = candidate.get();
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
            MerchantAccount account = accounts.find(
                            new AccountId(grant.session().subject()))
                    .filter(MerchantAccount::isActive)
                    .orElseThrow(() -> new DomainException(
                            ErrorCode.INVALID_REFRESH_TOKEN, "The account no longer exists or is disabled."));
            return new MerchantSignIn(account, access.visibleTo(operatorOf(account)), grant);
        });
    }

    public void logout(String refreshToken, ClientInfo client) {
        rotation.logout(refreshToken, RefreshScope.management(), client);
    }

    public static Operator operatorOf(MerchantAccount account) {
        return account.isPlatformAdmin()
                ? new Operator.PlatformAdmin(account.id())
                : new Operator.Merchant(account.id());
    }

    /**
     * A refused owner sign-in is recorded in the store's log, which the store's owner reads: it names no
     * subject, so an unknown email and another merchant's account leave the same row.
     */
    private DomainException refused(StoreId store, String subject, ClientInfo client) {
        audit.recordRefusal(
                store,
                AuditEventType.LOGIN_FAILED,
                subject,
                client,
                Map.of("reason", "invalid_credentials", "login_as", store == null ? "account" : "owner"));
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "The email or password is not correct.");
    }
}
