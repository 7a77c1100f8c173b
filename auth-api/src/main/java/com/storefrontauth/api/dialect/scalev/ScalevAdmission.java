package com.storefrontauth.api.dialect.scalev;

import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.CorsHeaders;
import com.storefrontauth.domain.access.StorefrontGate;
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
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * The storefront gate for Scalev's credentials: {@code X-Scalev-Storefront-Api-Key} on the public routes;
 * on {@code /customers/me…} no key, only the customer's bearer token (checked next by the shared customer
 * filter). An unknown store answers exactly like a missing or wrong key, so neither tells which stores exist.
 * Allowed origins and suspension are checked as on v1.
 */
@Provider
@ScalevRoute
@Priority(Priorities.AUTHENTICATION)
public class ScalevAdmission implements ContainerRequestFilter, ContainerResponseFilter {

    static final String API_KEY = "X-Scalev-Storefront-Api-Key";
    private static final String ALLOWED_ORIGIN = "scalev.allowed-origin";
    private static final Set<ErrorCode> KEY_REFUSALS =
            Set.of(ErrorCode.NOT_FOUND, ErrorCode.MISSING_API_KEY, ErrorCode.INVALID_API_KEY);

    @Inject
    StorefrontGate gate;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String storeId = request.getUriInfo().getPathParameters().getFirst("store_id");
        StorefrontGate.CheckedOrigin origin = gate.checkOrigin(storeId, request.getHeaderString("Origin"));
        origin.allowed().ifPresent(allowed -> request.setProperty(ALLOWED_ORIGIN, allowed));
        Store store;
        if (resource.getResourceClass() == ScalevCustomerResource.class) {
            try {
                store = gate.admitWithoutKey(storeId, origin);
            } catch (DomainException refused) {
                if (refused.code() != ErrorCode.NOT_FOUND) {
                    throw refused;
                }
                throw new DomainException(
                        ErrorCode.UNAUTHORIZED, "Send the customer's access token of this store as a Bearer token.");
            }
        } else {
            try {
                store = gate.admit(storeId, request.getHeaderString(API_KEY), origin);
            } catch (DomainException refused) {
                if (!KEY_REFUSALS.contains(refused.code())) {
                    throw refused;
                }
                throw new DomainException(
                        ErrorCode.INVALID_API_KEY, "Send an active publishable key of this store in " + API_KEY + ".");
            }
        }
        Caller.admit(request, store);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ALLOWED_ORIGIN) instanceof String allowed) {
            CorsHeaders.allow(response.getHeaders(), allowed);
        } else if (request.getHeaderString("Origin") != null) {
            CorsHeaders.vary(response.getHeaders());
        }
    }
}
