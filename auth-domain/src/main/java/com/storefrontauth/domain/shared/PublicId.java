package com.storefrontauth.domain.shared;

import java.security.SecureRandom;

/**
 * Public identifiers: a type prefix and 24 random base-62 characters (~143 bits), so ids are
 * unguessable and never reveal a row count.
 */
public final class PublicId {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicId() {}

    public static String generate(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + RANDOM_LENGTH).append(prefix);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** True when the value has the prefix and the shape of an id we could have issued. */
    public static boolean isWellFormed(String value, String prefix) {
        if (value == null || !value.startsWith(prefix) || value.length() != prefix.length() + RANDOM_LENGTH) {
            return false;
        }
        for (int i = prefix.length(); i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public static String require(String value, String prefix) {
        if (!isWellFormed(value, prefix)) {
            throw new IllegalArgumentException("not a " + prefix + " id");
        }
        return value;
    }
}
