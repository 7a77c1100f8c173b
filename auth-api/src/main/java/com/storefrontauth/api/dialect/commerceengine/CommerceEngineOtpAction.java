package com.storefrontauth.api.dialect.commerceengine;

import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChannel;
import java.util.Optional;

/** Commerce Engine's {@code otp_action} words for our code actions; a contact check names its channel. */
enum CommerceEngineOtpAction {
    LOGIN("login", OtpAction.LOGIN),
    REGISTER("register", OtpAction.REGISTER),
    RESET_PASSWORD("reset-password", OtpAction.RESET_PASSWORD),
    VERIFY_EMAIL("verify-email", OtpAction.VERIFY),
    VERIFY_PHONE("verify-phone", OtpAction.VERIFY),
    UPDATE_EMAIL("update-email", OtpAction.UPDATE_EMAIL),
    UPDATE_PHONE("update-phone", OtpAction.UPDATE_PHONE);

    static final String WORDS =
            "login, register, reset-password, verify-email, verify-phone, update-email or update-phone";

    private final String wire;
    private final OtpAction action;

    CommerceEngineOtpAction(String wire, OtpAction action) {
        this.wire = wire;
        this.action = action;
    }

    OtpAction action() {
        return action;
    }

    String wire() {
        return wire;
    }

    static Optional<CommerceEngineOtpAction> fromWire(String value) {
        for (CommerceEngineOtpAction candidate : values()) {
            if (candidate.wire.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The word for a challenge we issued. */
    static String of(OtpChallenge challenge) {
        boolean email = challenge.destination().channel() == OtpChannel.EMAIL;
        return switch (challenge.action()) {
            case LOGIN -> LOGIN.wire;
            case REGISTER -> REGISTER.wire;
            case RESET_PASSWORD -> RESET_PASSWORD.wire;
            case UPDATE_EMAIL -> UPDATE_EMAIL.wire;
            case UPDATE_PHONE -> UPDATE_PHONE.wire;
            case VERIFY, CONFIRM_CONTACT -> email ? VERIFY_EMAIL.wire : VERIFY_PHONE.wire;
            case ACTIVATE_ACCOUNT, RESET_ACCOUNT_PASSWORD ->
                throw new IllegalStateException("a merchant account's code never reaches a storefront");
        };
    }
}
