package com.storefrontauth.domain.account;

import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallengeRepository;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.session.SessionIssuer;
import com.storefrontauth.domain.session.SessionLifetimes;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.ProfileChange;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A merchant's own sign-up: an inactive account with its first (test-mode) store, activated by a
 * code emailed to the account's address. The activation message is queued in that store's outbox,
 * so without SMTP a platform admin can read it on the store's outbox page.
 */
@ApplicationScoped
public class MerchantActivation {

    static final int MAX_NAME_LENGTH = 200;
    static final int MIN_PASSWORD_LENGTH = 8;

    @Inject
    AccountRepository accounts;

    @Inject
    StoreRepository stores;

    @Inject
    StoreAccess access;

    @Inject
    OtpChallengeRepository challengeRepository;

    @Inject
    OtpChallenges challenges;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionIssuer issuer;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    public void register(String email, String password, String name, String storeName, ClientInfo client) {
        register(email, password, name, storeName, ProfileChange.NONE, client);
    }

    /** Sign-up with the first store's profile given at once (its fields are validated like a profile change). */
    public void register(
            String email, String password, String name, String storeName, ProfileChange profile, ClientInfo client) {
        FieldErrors errors = new FieldErrors();
        Optional<EmailAddress> address = EmailAddress.parse(email);
        if (address.isEmpty()) {
            errors.add("email", "must be a valid email address");
        }
        String accountName = name == null ? "" : name.strip();
        if (accountName.isEmpty()
                || accountName.length() > MAX_NAME_LENGTH
                || accountName.chars().anyMatch(Character::isISOControl)) {
            errors.add("name", "must be 1 to " + MAX_NAME_LENGTH + " characters without control characters");
        }
        Store store = null;
        try {
            store = Store.open(storeName, StoreMode.TEST, clock.instant());
        } catch (DomainException invalid) {
            errors.add("store_name", "must be 1 to 120 characters");
        }
        errors.throwIfAny();
        store.describe(profile);
        PasswordPolicy.check("password", password, MIN_PASSWORD_LENGTH);
        MerchantAccount account = new MerchantAccount(
                AccountId.generate(),
                address.get().value(),
                accountName,
                AccountRole.MERCHANT,
                AccountStatus.INACTIVE,
                hasher.hash(password),
                clock.instant());
        Store firstStore = store;
        transactions.required(() -> {
            if (!accounts.insertIfAbsent(account)) {
                throw new DomainException(ErrorCode.ACCOUNT_EXISTS, "An account with this email already exists.");
            }
            stores.insert(firstStore);
            accounts.addMembership(account.id(), firstStore.id());
            audit.record(
                    firstStore.id(),
                    AuditEventType.ACCOUNT_REGISTERED,
                    account.id().value(),
                    client,
                    Map.of());
            audit.record(
                    firstStore.id(),
                    AuditEventType.STORE_CREATED,
                    account.id().value(),
                    client,
                    Map.of("name", firstStore.name(), "mode", firstStore.mode().wireValue()));
            challenges.start(request(account, firstStore), client);
        });
    }

    /** The code from the activation email makes the account active and signs it in. */
    public MerchantSignIn activate(String email, String code, ClientInfo client) {
        String address = EmailAddress.parse(email)
                .map(EmailAddress::value)
                .orElseThrow(() -> DomainException.invalidField("email", "must be a valid email address"));
        return challenges.verify(
                () -> challengeRepository.lockOpenAccountChallenge(
                        OtpAction.ACTIVATE_ACCOUNT, address, clock.instant()),
                OtpAction.ACTIVATE_ACCOUNT,
                code,
                OtpRules.MERCHANT_ACTIVATION,
                client,
                challenge -> {
                    MerchantAccount account =
                            accounts.find(new AccountId(challenge.subject())).orElseThrow(OtpChallenges::expired);
                    if (account.status() == AccountStatus.DISABLED) {
                        throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
                    }
                    accounts.updateStatus(account.id(), AccountStatus.ACTIVE);
                    MerchantAccount active = accounts.find(account.id()).orElseThrow();
                    TokenGrant grant = issuer.start(
                            null, SubjectKind.MERCHANT, active.id().value(), null, SessionLifetimes.MERCHANT, client);
                    List<Store> visible = access.visibleTo(MerchantLogin.operatorOf(active));
                    audit.record(
                            challenge.store(),
                            AuditEventType.ACCOUNT_ACTIVATED,
                            active.id().value(),
                            client,
                            Map.of("session_id", grant.session().id().value()));
                    return new MerchantSignIn(active, visible, grant);
                });
    }

    /**
     * A correct password on an inactive account: a fresh code is emailed (the open challenge gets a new
     * code, or a new one starts) and the sign-in is refused with {@code account_not_active}; inside 60 s
     * of the last code, {@code rate_limited} instead.
     */
    DomainException resendOnSignIn(MerchantAccount account, ClientInfo client) {
        transactions.required(() -> {
            Instant now = clock.instant();
            Store store = access.visibleTo(MerchantLogin.operatorOf(account)).stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("merchant account without a store: " + account.id()));
            challengeRepository
                    .lockOpenAccountChallenge(OtpAction.ACTIVATE_ACCOUNT, account.email(), now)
                    .ifPresentOrElse(
                            open -> challenges.resend(open, store.name(), true, OtpRules.MERCHANT_ACTIVATION, client),
                            () -> challenges.start(request(account, store), client));
        });
        return new DomainException(
                ErrorCode.ACCOUNT_NOT_ACTIVE,
                "This account is not activated yet; a new activation code was emailed to "
                        + new Destination(OtpChannel.EMAIL, account.email()).masked() + ".");
    }

    private static OtpChallenges.Request request(MerchantAccount account, Store store) {
        return new OtpChallenges.Request(
                store.id(),
                store.name(),
                store.mode() == StoreMode.TEST,
                OtpAction.ACTIVATE_ACCOUNT,
                new Destination(OtpChannel.EMAIL, account.email()),
                account.id().value(),
                OtpRules.MERCHANT_ACTIVATION);
    }
}
