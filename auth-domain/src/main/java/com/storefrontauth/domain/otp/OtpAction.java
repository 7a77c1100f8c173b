package com.storefrontauth.domain.otp;

import java.util.Locale;
import java.util.Optional;

/** What a one-time code is for; a code verifies only for the action it was issued for. */
public enum OtpAction {
    LOGIN,
    REGISTER,
    /** A contact check that completes a sign-up or sign-in (the store requires a verified contact). */
    VERIFY,
    RESET_PASSWORD,
    UPDATE_EMAIL,
    UPDATE_PHONE,
    /**
     * A contact check a signed-in customer asked for: a {@code verify} on the wire, but it confirms the
     * contact (or proves the customer for erasure) and never signs anyone in.
     */
    CONFIRM_CONTACT,
    /** Merchant account activation: never accepted by the storefront's verify route. */
    ACTIVATE_ACCOUNT,
    /** A merchant account's password reset by code: never accepted by the storefront's verify route. */
    RESET_ACCOUNT_PASSWORD;

    public String wireValue() {
        return this == CONFIRM_CONTACT ? "verify" : name().toLowerCase(Locale.ROOT);
    }

    /** Whether a code of this action verifies when a client names {@code requested}. */
    public boolean answers(OtpAction requested) {
        return this == requested || (this == CONFIRM_CONTACT && requested == VERIFY);
    }

    /** Whether the code belongs to a merchant account rather than to a store's customer. */
    public boolean isAccountAction() {
        return this == ACTIVATE_ACCOUNT || this == RESET_ACCOUNT_PASSWORD;
    }

    /** The actions a storefront may name in {@code otp_action}. */
    public static Optional<OtpAction> fromStorefrontWire(String value) {
        for (OtpAction action : values()) {
            if (!action.isAccountAction()
                    && action != CONFIRM_CONTACT
                    && action.wireValue().equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
