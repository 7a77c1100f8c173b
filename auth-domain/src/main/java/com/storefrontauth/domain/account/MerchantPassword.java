package com.storefrontauth.domain.account;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.credential.PasswordCheck;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.throttle.LockoutKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * A merchant (or the platform admin) changes their own password. The current password is checked under
 * the same per-email lockout as sign-in, and every management token session of the account ends.
 */
@ApplicationScoped
public class MerchantPassword {

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordCheck credentials;

    @Inject
    SessionEnding ending;

    @Inject
    Transactions transactions;

    /** @return the account with its new password, for a session that stays open to remember */
    public MerchantAccount change(AccountId id, String currentPassword, String newPassword, ClientInfo client) {
        MerchantAccount account =
                transactions.required(() -> accounts.find(id)).orElseThrow(() -> DomainException.notFound("account"));
        if (!credentials
                .reserve(null, LockoutKey.account(account.email()))
                .verify(Optional.of(account.passwordHash()), currentPassword, id.value(), client)
                .matches()) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "The current password is not correct.");
        }
        PasswordPolicy.check("new_password", newPassword, MerchantActivation.MIN_PASSWORD_LENGTH);
        String hash = hasher.hash(newPassword);
        account.replacePasswordHash(hash);
        transactions.required(() -> {
            accounts.updatePasswordHash(id, hash);
            ending.endAllOfAccount(
                    id.value(),
                    SessionEnding.Reason.PASSWORD_CHANGED,
                    null,
                    new SessionEnding.Event(
                            AuditEventType.PASSWORD_CHANGED, id.value(), client, Map.of("by", "account")));
        });
        return account;
    }
}
