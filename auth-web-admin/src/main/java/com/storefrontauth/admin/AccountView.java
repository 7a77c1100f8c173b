package com.storefrontauth.admin;

import com.storefrontauth.domain.account.MerchantPassword;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in operator's own account: change the password (sign-out is in every page's header). */
@Named
@RequestScoped
public class AccountView {

    @Inject
    MerchantPassword passwords;

    @Inject
    ConsoleSession session;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    public void changePassword() {
        try {
            if (newPassword == null || !newPassword.equals(repeatedPassword)) {
                Feedback.refused(DomainException.invalidField("repeated_password", "does not match the new password"));
                return;
            }
            Feedback.attempt(
                    () -> session.rememberCredential(
                            passwords.change(session.accountId(), currentPassword, newPassword, Feedback.client())),
                    "Password changed. Your other console and API sessions were signed out.");
        } finally {
            currentPassword = null;
            newPassword = null;
            repeatedPassword = null;
        }
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
