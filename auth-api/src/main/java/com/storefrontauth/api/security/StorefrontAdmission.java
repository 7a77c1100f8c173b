package com.storefrontauth.api.security;

import com.storefrontauth.domain.access.StorefrontGate;
import com.storefrontauth.domain.store.Store;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The storefront gate of API.md on every storefront route. Refusals are thrown as domain exceptions
 * and rendered by the usual mapper; an allowed origin gets its CORS headers on every answer, errors
 * included, so the storefront can read why it was refused.
 */
@Provider
@StorefrontRoute
@Priority(Priorities.AUTHENTICATION)
public class StorefrontAdmission implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ALLOWED_ORIGIN = "storefront.allowed-origin";

    @Inject
    StorefrontGate gate;

    @Override
    public void filter(ContainerRequestContext request) {
        String storeId = request.getUriInfo().getPathParameters().getFirst("store_id");
        StorefrontGate.CheckedOrigin origin = gate.checkOrigin(storeId, request.getHeaderString("Origin"));
        origin.allowed().ifPresent(allowed -> request.setProperty(ALLOWED_ORIGIN, allowed));
        Store store = gate.admit(storeId, request.getHeaderString("X-Storefront-Api-Key"), origin);
        request.setProperty(Caller.STORE, store);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object origin = request.getProperty(ALLOWED_ORIGIN);
        if (origin instanceof String allowed) {
            CorsHeaders.allow(response.getHeaders(), allowed);
        } else if (request.getHeaderString("Origin") != null) {
            CorsHeaders.vary(response.getHeaders());
        }
    }
}
