package com.storefrontauth.domain.shared;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque bearer secrets: 256 bits from SecureRandom, URL-safe, behind a readable prefix. */
public final class RandomSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {}

    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
