package com.storefrontauth.api.error;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The id that ties an error answer to its log line; one per request. */
public final class TraceId {

    private static final String ATTRIBUTE = "storefront.trace-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceId() {}

    public static String of(HttpServletRequest request) {
        Object existing = request == null ? null : request.getAttribute(ATTRIBUTE);
        if (existing instanceof String id) {
            return id;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        if (request != null) {
            request.setAttribute(ATTRIBUTE, id);
        }
        return id;
    }
}
