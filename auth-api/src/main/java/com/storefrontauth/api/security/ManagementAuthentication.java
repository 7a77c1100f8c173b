package com.storefrontauth.api.security;

import com.storefrontauth.api.jwt.VerifiedToken;
import com.storefrontauth.domain.access.AccountOperators;
import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.session.SessionRevocations;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenAudience;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.PublicId;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Establishes the {@link Operator} of a management request: a store's secret key (authenticated by
 * {@link SecretKeyIdentityStore}), or a merchant or platform-admin access token verified by MP-JWT whose
 * audience is the management API, whose session has not been revoked (refused at once, even before its
 * access token expires) and whose account is still active (403 {@code account_disabled} otherwise).
 */
@Provider
@ManagementRoute
@Priority(Priorities.AUTHENTICATION)
public class ManagementAuthentication implements ContainerRequestFilter {

    @Inject
    PresentedToken presented;

    @Inject
    SessionRevocations revocations;

    @Inject
    AccountOperators accounts;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION)).isEmpty()) {
            throw unauthorized("Send a merchant access token or a secret key as a Bearer token.");
        }
        Object secretKey = servletRequest.getAttribute(Caller.OPERATOR);
        Optional<Operator> operator = secretKey instanceof Operator.SecretKey key
                ? Optional.of(key)
                : presented.verified().flatMap(this::operatorOf);
        request.setProperty(
                Caller.OPERATOR, operator.orElseThrow(() -> unauthorized("The token is invalid, expired or revoked.")));
    }

    private Optional<Operator> operatorOf(VerifiedToken token) {
        if (!token.audience().contains(TokenAudience.MANAGEMENT)
                || !PublicId.isWellFormed(token.subject(), AccountId.PREFIX)) {
            return Optional.empty();
        }
        if (revocations.isRevoked(token.sessionId())) {
            return Optional.empty();
        }
        if (!token.hasGroup(SubjectKind.PLATFORM_ADMIN.group()) && !token.hasGroup(SubjectKind.MERCHANT.group())) {
            return Optional.empty();
        }
        return Optional.of(accounts.operatorOf(new AccountId(token.subject())));
    }

    static DomainException unauthorized(String detail) {
        return new DomainException(ErrorCode.UNAUTHORIZED, detail);
    }
}
