package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.ClientAddress;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/**
 * The caller's address and user agent as our sessions and audit events record them. The address is the
 * peer's, or behind a trusted proxy the client it forwards for ({@link TrustedProxies}); sessions and
 * audit events keep it whole, the per-IP windows key IPv6 clients by their /64.
 */
public final class Clients {

    private static volatile TrustedProxies trusted = TrustedProxies.NONE;

    private Clients() {}

    /** Set once at startup from {@code auth.http.trusted-proxies} ({@link ProxySettings}). */
    static void trust(TrustedProxies proxies) {
        trusted = proxies;
    }

    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(address(request), request.getHeader("User-Agent"));
    }

    /** The key of the caller's per-IP windows. */
    public static String rateKey(HttpServletRequest request) {
        String address = address(request);
        return ClientAddress.parse(address).map(ClientAddress::rateKey).orElse(address);
    }

    private static String address(HttpServletRequest request) {
        return trusted.client(request.getRemoteAddr(), lines(request, "Forwarded"), lines(request, "X-Forwarded-For"));
    }

    private static List<String> lines(HttpServletRequest request, String header) {
        return Collections.list(request.getHeaders(header));
    }
}
