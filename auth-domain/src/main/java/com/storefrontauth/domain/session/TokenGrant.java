package com.storefrontauth.domain.session;

/** The tokens of one successful sign-in or refresh, with the session they belong to. */
public record TokenGrant(
        String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn, Session session) {}
