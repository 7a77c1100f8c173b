package com.storefrontauth.api.security;

import com.storefrontauth.domain.access.StorefrontGate;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers CORS preflights of the storefront API before routing (a preflight carries no API key).
 * An allowed origin gets its echo and the allowed methods and headers; any other origin gets no CORS
 * header at all, so the browser blocks the real request.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class CorsPreflight implements ContainerRequestFilter {

    private static final Pattern STOREFRONT_PATH = Pattern.compile("^/?v1/stores/([^/]+)/(auth|customers/me)(/.*)?$");
    /** Commerce Engine's storefront auth: {@code /api/v1/{store_id}/storefront/auth/…}. */
    private static final Pattern COMMERCE_ENGINE_PATH = Pattern.compile("^/?v1/([^/]+)/storefront/auth(/.*)?$");
    /** Scalev v3 customer auth: {@code /v3/stores/{store_id}/public/auth/…} and {@code …/customers/me…}. */
    private static final Pattern SCALEV_PATH =
            Pattern.compile("^/?v3/stores/([^/]+)/(public/auth|customers/me)(/.*)?$");

    @Inject
    StorefrontGate gate;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (!HttpMethod.OPTIONS.equals(request.getMethod())
                || origin == null
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return;
        }
        Matcher path = STOREFRONT_PATH.matcher(request.getUriInfo().getPath());
        if (!path.matches()) {
            path = COMMERCE_ENGINE_PATH.matcher(request.getUriInfo().getPath());
        }
        if (!path.matches()) {
            path = SCALEV_PATH.matcher(request.getUriInfo().getPath());
        }
        if (!path.matches()) {
            return;
        }
        Response.ResponseBuilder answer = Response.noContent();
        if (gate.allowsOrigin(path.group(1), origin)) {
            answer.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", CorsHeaders.ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", CorsHeaders.ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600");
        }
        request.abortWith(answer.header("Vary", "Origin").build());
    }
}
