package com.storefrontauth.api.dialect.luxmart;

import com.storefrontauth.api.error.Problem;
import com.storefrontauth.api.error.TraceId;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Luxmart's routes end in a slash, and {@code /v1/accounts/logout/} would otherwise match our own
 * {@code /v1/accounts/logout} (JAX-RS ignores a trailing slash). Each of them is routed to
 * {@link LuxmartAccountResource} under {@value #INTERNAL}, which answers nothing asked for directly.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
public class LuxmartRoutes implements ContainerRequestFilter {

    static final String INTERNAL = "luxmart/";

    private static final Set<String> ROUTES = Set.of(
            "v1/accounts/register/store/",
            "v1/accounts/otp/store/",
            "v1/accounts/login/store/",
            "v1/accounts/forget/password/store/",
            "v1/accounts/confirm/forget/password/store/",
            "v1/accounts/change/password/",
            "v1/accounts/logout/");

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = relative(request.getUriInfo().getPath());
        if (path.startsWith(INTERNAL)) {
            request.abortWith(
                    Problem.of(ErrorCode.NOT_FOUND, "No such resource.").toResponse(TraceId.of(servletRequest)));
        } else if (ROUTES.contains(path)) {
            request.setRequestUri(
                    request.getUriInfo().getBaseUri(),
                    request.getUriInfo().getBaseUri().resolve(INTERNAL + path));
        }
    }

    /** Whether a request (as received, or as routed here) is one of Luxmart's. */
    static boolean isLuxmart(String path) {
        String relative = relative(path);
        return ROUTES.contains(relative) || relative.startsWith(INTERNAL);
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
