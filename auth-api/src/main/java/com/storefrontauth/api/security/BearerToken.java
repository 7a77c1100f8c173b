package com.storefrontauth.api.security;

import java.util.Optional;

/** The credential of an {@code Authorization: Bearer …} header (RFC 6750 §2.1). */
public final class BearerToken {

    private BearerToken() {}

    public static Optional<String> from(String authorization) {
        if (authorization == null
                || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
