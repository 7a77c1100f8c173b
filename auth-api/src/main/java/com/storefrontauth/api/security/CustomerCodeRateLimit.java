package com.storefrontauth.api.security;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.throttle.CustomerCodeThrottle;
import com.storefrontauth.domain.throttle.RateDecision;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Counts a customer's request for a code once the customer is known (after {@link CustomerAuthentication}). */
@Provider
@CustomerCodeRoute
@Priority(Priorities.AUTHENTICATION + 15)
public class CustomerCodeRateLimit implements ContainerRequestFilter {

    @Inject
    CustomerCodeThrottle throttle;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        RateDecision decision = throttle.consume(
                (Store) request.getProperty(Caller.STORE),
                (CustomerId) request.getProperty(Caller.CUSTOMER),
                Clients.of(servletRequest).ip());
        if (!decision.allowed()) {
            throw new DomainException(
                    ErrorCode.RATE_LIMITED,
                    "Too many codes asked for; wait a minute.",
                    Map.of(),
                    Map.of(),
                    decision.resetSeconds());
        }
    }
}
