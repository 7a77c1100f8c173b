package com.storefrontauth.admin;

import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.account.MerchantLogin;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The password asked again before the console's most sensitive actions (a new secret key, a signing
 * key rotation), so an unattended or hijacked session cannot take them. It is the sign-in's own check:
 * a wrong password counts towards the account's sign-in lockout.
 */
@RequestScoped
public class PasswordConfirmation {

    @Inject
    MerchantLogin login;

    @Inject
    ConsoleSession session;

    void confirm(String password) {
        MerchantAccount account;
        try {
            account = login.authenticate(session.getEmail(), password, Feedback.client());
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.INVALID_CREDENTIALS) {
                throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "Your password is not correct.");
            }
            throw refused;
        }
        // a sign-in may upgrade the hash's parameters: this session must not take that for a password change
        session.rememberCredential(account);
    }
}
