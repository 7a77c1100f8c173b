package com.storefrontauth.api.security;

import com.storefrontauth.api.jwt.VerifiedToken;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Customer routes run after the storefront gate: the bearer token must be a customer token of this
 * store whose session has not been revoked, so logout, reuse, password change, disable and operator
 * revocation take effect at once on this instance and within a second on the others.
 */
@Provider
@CustomerRoute
@Priority(Priorities.AUTHENTICATION + 10)
public class CustomerAuthentication implements ContainerRequestFilter {

    @Inject
    StorefrontTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        Store store = (Store) request.getProperty(Caller.STORE);
        VerifiedToken token = tokens.authenticate(store.id(), SubjectKind.CUSTOMER)
                .filter(verified -> CustomerId.parse(verified.subject()).isPresent())
                .orElseThrow(() -> new DomainException(
                        ErrorCode.UNAUTHORIZED, "Send the customer's access token of this store as a Bearer token."));
        request.setProperty(Caller.CUSTOMER, new CustomerId(token.subject()));
        request.setProperty(Caller.SESSION, token.sessionId());
    }
}
