package com.storefrontauth.api.security;

import com.storefrontauth.api.jwt.VerifiedToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access token of this request as MicroProfile JWT verified it (signature by one of our published
 * keys, {@code iss}, {@code exp}, {@code typ}, {@code jti}, {@code iat}), read once per request. Empty when the
 * request carried no Bearer token, a secret key, or one MP-JWT refused.
 */
@RequestScoped
public class PresentedToken {

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    private Optional<VerifiedToken> verified;

    public Optional<VerifiedToken> verified() {
        if (verified == null) {
            // without a Bearer header there is no token: building Payara's JsonWebToken bean to learn so cost a
            // code sign-in ~5 % of its CPU (every sign-in asks for the guest's token)
            verified = BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION))
                            .isEmpty()
                    ? Optional.empty()
                    : VerifiedToken.of(token);
        }
        return verified;
    }
}
