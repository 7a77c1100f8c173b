package com.storefrontauth.domain.session;

import java.time.Instant;
import java.util.List;

/** What an access token says; {@code storeId} and {@code anonymousId} may be null. */
public record AccessTokenClaims(
        String subject,
        String audience,
        String storeId,
        SessionId sessionId,
        List<String> groups,
        String anonymousId,
        Instant issuedAt,
        Instant expiresAt) {}
