package com.storefrontauth.api.http;

import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a challenge may echo its code: only for a test-mode store and only when the request sent
 * {@code X-Debug-Mode: true}. A live store never echoes, whatever the header says.
 */
public final class DebugEcho {

    public static final String HEADER = "X-Debug-Mode";

    private DebugEcho() {}

    public static boolean allowed(Store store, HttpServletRequest request) {
        return store.mode() == StoreMode.TEST && "true".equalsIgnoreCase(request.getHeader(HEADER));
    }
}
