package com.storefrontauth.api.security;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.throttle.PublicRouteThrottle;
import com.storefrontauth.domain.throttle.RateDecision;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The per (store, IP) window over the public auth routes, counted right after the storefront gate and
 * before any password is hashed; on the merchant account routes, the per-IP window of those. Every answer of these routes reports the window (API.md).
 */
@Provider
@ThrottledRoute
@Priority(Priorities.AUTHENTICATION + 5)
public class PublicRouteRateLimit implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = "storefront.rate-decision";

    @Inject
    PublicRouteThrottle throttle;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Store store = (Store) request.getProperty(Caller.STORE);
        String ip = Clients.rateKey(servletRequest);
        // the account routes belong to no store
        RateDecision decision = store != null ? throttle.consume(store, ip) : throttle.consumeAccounts(ip);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            throw PublicRouteThrottle.limited(decision);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateDecision decision) {
            response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("X-RateLimit-Reset", decision.resetSeconds());
        }
    }
}
