package com.storefrontauth.domain.otp;

import java.time.Duration;

/** The words around a code: each message names the store, what the code is for, and when it expires. */
public final class OtpMessages {

    private OtpMessages() {
    }

    /** The email subject (no code in it: subjects show in notifications and lists). */
    public static String subject(OtpAction action, String storeName) {
        return switch (action) {
            case LOGIN -> "Your " + storeName + " sign-in code";
            case REGISTER -> "Your " + storeName + " sign-up code";
            case VERIFY, CONFIRM_CONTACT -> "Confirm your contact for " + storeName;
            case RESET_PASSWORD -> "Reset your " + storeName + " password";
            case UPDATE_EMAIL -> "Confirm your new email for " + storeName;
            case UPDATE_PHONE -> "Confirm your new phone for " + storeName;
            case ACTIVATE_ACCOUNT -> "Activate your Storefront Auth account for " + storeName;
        };
    }

    public static String text(OtpAction action, String storeName, String code, Duration ttl) {
        String purpose = switch (action) {
            case LOGIN -> "sign-in code";
            case REGISTER -> "sign-up code";
            case VERIFY, CONFIRM_CONTACT -> "verification code";
            case RESET_PASSWORD -> "password reset code";
            case UPDATE_EMAIL -> "code to confirm your new email";
            case UPDATE_PHONE -> "code to confirm your new phone";
            case ACTIVATE_ACCOUNT -> "Storefront Auth activation code";
        };
        return code + " is your " + storeName + " " + purpose + ". It expires in " + duration(ttl)
                + ". Never share it; if you did not ask for it, ignore this message.";
    }

    static String duration(Duration ttl) {
        long seconds = ttl.getSeconds();
        if (seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return seconds + " seconds";
    }
}
