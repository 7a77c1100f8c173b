package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;

/** The caller's address and user agent as our sessions and audit events record them. */
public final class Clients {

    private Clients() {
    }

    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
