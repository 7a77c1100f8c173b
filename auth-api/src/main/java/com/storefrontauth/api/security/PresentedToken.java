package com.storefrontauth.api.security;

import com.storefrontauth.api.jwt.VerifiedToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

    private Optional<VerifiedToken> verified;

    public Optional<VerifiedToken> verified() {
        if (verified == null) {
            verified = VerifiedToken.of(token);
        }
        return verified;
    }
}
