package com.storefrontauth.domain.session;

/** A new opaque access token (shown once) and the session it acts for. */
public record OpaqueGrant(String accessToken, Session session) {}
