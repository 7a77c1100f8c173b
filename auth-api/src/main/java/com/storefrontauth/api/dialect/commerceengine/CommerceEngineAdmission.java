package com.storefrontauth.api.dialect.commerceengine;

import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.CorsHeaders;
import com.storefrontauth.api.security.StorefrontTokens;
import com.storefrontauth.domain.access.StorefrontGate;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
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
 * The storefront gate for Commerce Engine's credentials. Its SDK sends the publishable key
 * ({@code X-Api-Key}) only to {@code anonymous}; every other call carries the anonymous or customer
 * access token instead, which then admits the request to the token's own store, and {@code refresh-token}
 * carries nothing but the refresh token, which the rotation checks against the store. A key, when sent,
 * admits as on the v1 routes. Store existence, allowed origins and suspension are checked either way.
 */
@Provider
@CommerceEngineRoute
@Priority(Priorities.AUTHENTICATION)
public class CommerceEngineAdmission implements ContainerRequestFilter, ContainerResponseFilter {

    static final String API_KEY = "X-Api-Key";
    private static final String ALLOWED_ORIGIN = "commerce-engine.allowed-origin";

    @Inject
    StorefrontGate gate;

    @Inject
    StorefrontTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String storeId = request.getUriInfo().getPathParameters().getFirst("store_id");
        StorefrontGate.CheckedOrigin origin = gate.checkOrigin(storeId, request.getHeaderString("Origin"));
        origin.allowed().ifPresent(allowed -> request.setProperty(ALLOWED_ORIGIN, allowed));
        String key = request.getHeaderString(API_KEY);
        String path = request.getUriInfo().getPath();
        Store store;
        if (key != null) {
            store = gate.admit(storeId, key, origin);
        } else {
            store = gate.admitWithoutKey(storeId, origin);
            if (path.endsWith("/auth/anonymous")) {
                throw new DomainException(ErrorCode.MISSING_API_KEY, "Send the store's publishable key in X-Api-Key.");
            }
            if (!path.endsWith("/auth/refresh-token") && !carriesSessionOf(request, store)) {
                throw new DomainException(
                        ErrorCode.UNAUTHORIZED,
                        "Send an anonymous or customer access token of this store as a Bearer token.");
            }
        }
        Caller.admit(request, store);
    }

    private boolean carriesSessionOf(ContainerRequestContext request, Store store) {
        return tokens.authenticate(store.id(), SubjectKind.GUEST)
                .or(() -> tokens.authenticate(store.id(), SubjectKind.CUSTOMER))
                .isPresent();
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
