package com.storefrontauth.domain.account;

import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallengeRepository;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.throttle.LockoutKey;
import com.storefrontauth.domain.throttle.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * "Forgot password" for merchant accounts: a code emailed to the account's address (through its first
 * store's outbox, like activation codes) sets a new password and ends every session of the account.
 * An unknown or disabled address gets a decoy challenge, so the answer never tells whether an account
 * exists; one code a minute per address.
 */
@ApplicationScoped
public class MerchantPasswordReset {

    @Inject
    AccountRepository accounts;

    @Inject
    StoreAccess access;

    @Inject
    OtpChallengeRepository challengeRepository;

    @Inject
    OtpChallenges challenges;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    SessionEnding ending;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    public void start(String email, ClientInfo client) {
        EmailAddress address = valid(email);
        challenges.requireChannelUp(OtpChannel.EMAIL);
        Destination destination = new Destination(OtpChannel.EMAIL, address.value());
        transactions.required(() -> {
            Optional<MerchantAccount> account = accounts.findByEmail(address.value())
                    .filter(found -> found.status() != AccountStatus.DISABLED && !found.isPlatformAdmin());
            Optional<Store> store = account.flatMap(found ->
                    access.visibleTo(MerchantLogin.operatorOf(found)).stream().findFirst());
            if (store.isPresent()) {
                challenges.start(
                        new OtpChallenges.Request(
                                store.get().id(),
                                store.get().name(),
                                store.get().mode() == StoreMode.TEST,
                                OtpAction.RESET_ACCOUNT_PASSWORD,
                                destination,
                                account.get().id().value(),
                                OtpRules.MERCHANT_PASSWORD_RESET),
                        client);
            } else {
                challenges.startDecoy(
                        new OtpChallenges.Request(
                                null,
                                "",
                                false,
                                OtpAction.RESET_ACCOUNT_PASSWORD,
                                destination,
                                null,
                                OtpRules.MERCHANT_PASSWORD_RESET),
                        client);
            }
        });
    }

    /** The emailed code sets the new password; every session and token of the account ends. */
    public void complete(String email, String code, String newPassword, ClientInfo client) {
        EmailAddress address = valid(email);
        PasswordPolicy.check("new_password", newPassword, MerchantActivation.MIN_PASSWORD_LENGTH);
        String hash = hasher.hash(newPassword);
        challenges.verify(
                () -> challengeRepository.lockOpenAccountChallenge(
                        OtpAction.RESET_ACCOUNT_PASSWORD, address.value(), clock.instant()),
                OtpAction.RESET_ACCOUNT_PASSWORD,
                code,
                OtpRules.MERCHANT_PASSWORD_RESET,
                client,
                challenge -> {
                    MerchantAccount account = accounts.find(new AccountId(challenge.subject()))
                            .filter(found -> found.status() != AccountStatus.DISABLED)
                            .orElseThrow(OtpChallenges::expired);
                    accounts.updatePasswordHash(account.id(), hash);
                    throttle.clear(null, LockoutKey.account(account.email()));
                    return ending.endAllOfAccount(
                            account.id().value(),
                            SessionEnding.Reason.PASSWORD_RESET,
                            challenge.store(),
                            new SessionEnding.Event(
                                    AuditEventType.PASSWORD_RESET, account.id().value(), client, Map.of("by", "code")));
                });
    }

    private static EmailAddress valid(String email) {
        return EmailAddress.parse(email)
                .orElseThrow(() -> DomainException.invalidField("email", "must be a valid email address"));
    }
}
