package com.storefrontauth.domain.otp;

import java.util.regex.Pattern;

/**
 * How a store's name reaches a message. Any merchant can name a store, and the name reaches strangers'
 * inboxes and phones through the platform's providers, so it is rendered as plain words only
 * ({@link #plainName}); the words around it are {@code message.MessageTemplates}'.
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
    public static String plainName(String storeName) {
        String words = SCHEME_OR_MARKUP.matcher(storeName).replaceAll(" ");
        words = JOINER.matcher(words).replaceAll(" ");
        return SPACES.matcher(words).replaceAll(" ").strip();
    }
}
