package com.storefrontauth.domain.otp;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The words around a code: each message names the store, what the code is for, and when it expires.
 * Any merchant can name a store, and the name reaches strangers' inboxes and phones through the
 * platform's providers, so it is rendered as plain words only ({@link #plainName}).
 */
public final class OtpMessages {

    /** {@code scheme://}, and angle brackets (markup, {@code <https://…>} autolinks). */
    private static final Pattern SCHEME_OR_MARKUP = Pattern.compile("[\\p{L}\\p{N}+.-]*:/+|[<>]");
    /** A dot (or a look-alike) or an {@code @} joining two word characters: what makes a host name or an address. */
    private static final Pattern JOINER =
            Pattern.compile("(?<=[\\p{L}\\p{N}])\\s*[.\u3002\uFF0E\uFF61@\uFF20]\\s*(?=[\\p{L}\\p{N}])");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private OtpMessages() {}

    /**
     * The store name as a message carries it: no scheme, no markup, and no dot or {@code @} between word
     * characters, so neither mail clients nor phones can turn any part of it into a link
     * ({@code Visit http://evil.example now} becomes {@code Visit evil example now}).
     */
    static String plainName(String storeName) {
        String words = SCHEME_OR_MARKUP.matcher(storeName).replaceAll(" ");
        words = JOINER.matcher(words).replaceAll(" ");
        return SPACES.matcher(words).replaceAll(" ").strip();
    }

    /** The email subject (no code in it: subjects show in notifications and lists). */
    public static String subject(OtpAction action, String rawStoreName) {
        String storeName = plainName(rawStoreName);
        return switch (action) {
            case LOGIN -> "Your " + storeName + " sign-in code";
            case REGISTER -> "Your " + storeName + " sign-up code";
            case VERIFY, CONFIRM_CONTACT -> "Confirm your contact for " + storeName;
            case RESET_PASSWORD -> "Reset your " + storeName + " password";
            case UPDATE_EMAIL -> "Confirm your new email for " + storeName;
            case UPDATE_PHONE -> "Confirm your new phone for " + storeName;
            case ACTIVATE_ACCOUNT -> "Activate your Storefront Auth account for " + storeName;
            case RESET_ACCOUNT_PASSWORD -> "Reset your Storefront Auth account password";
        };
    }

    public static String text(OtpAction action, String rawStoreName, String code, Duration ttl) {
        String storeName = plainName(rawStoreName);
        String purpose = switch (action) {
            case LOGIN -> "sign-in code";
            case REGISTER -> "sign-up code";
            case VERIFY, CONFIRM_CONTACT -> "verification code";
            case RESET_PASSWORD -> "password reset code";
            case UPDATE_EMAIL -> "code to confirm your new email";
            case UPDATE_PHONE -> "code to confirm your new phone";
            case ACTIVATE_ACCOUNT -> "Storefront Auth activation code";
            case RESET_ACCOUNT_PASSWORD -> "Storefront Auth password reset code";
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
