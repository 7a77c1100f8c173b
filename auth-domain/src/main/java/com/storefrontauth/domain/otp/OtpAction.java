package com.storefrontauth.domain.otp;

import java.util.Locale;
import java.util.Optional;

/** What a one-time code is for; a code verifies only for the action it was issued for. */
public enum OtpAction {
    LOGIN, REGISTER, VERIFY, RESET_PASSWORD, UPDATE_EMAIL, UPDATE_PHONE,
    /** Merchant account activation: never accepted by the storefront's verify route. */
    ACTIVATE_ACCOUNT;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The actions a storefront may name in {@code otp_action}. */
    public static Optional<OtpAction> fromStorefrontWire(String value) {
        for (OtpAction action : values()) {
            if (action != ACTIVATE_ACCOUNT && action.wireValue().equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
