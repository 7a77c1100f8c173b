package com.storefrontauth.api.security;

import jakarta.ws.rs.core.MultivaluedMap;

/** The CORS answer for an allowed origin (API.md: echo the origin, never a wildcard). */
public final class CorsHeaders {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "X-Storefront-Api-Key, X-Api-Key, X-Scalev-Storefront-Api-Key, Authorization,"
            + " Content-Type, X-Debug-Mode";
    static final String EXPOSED_HEADERS = "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";

    private CorsHeaders() {}

    public static void allow(MultivaluedMap<String, Object> headers, String origin) {
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        vary(headers);
    }

    public static void vary(MultivaluedMap<String, Object> headers) {
        headers.putSingle("Vary", "Origin");
    }
}
