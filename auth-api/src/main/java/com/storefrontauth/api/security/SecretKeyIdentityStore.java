package com.storefrontauth.api.security;

import com.storefrontauth.domain.apikey.ApiKeyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;

/**
 * A store's {@code sk_…} secret key sent as a Bearer token authenticates the management API beside
 * MP-JWT's tokens: MP-JWT's mechanism hands every Bearer credential to the identity stores, and this one
 * answers first for secret keys (role {@code secret_key}), so they never reach the JWT parser. The
 * {@link com.storefrontauth.domain.access.Operator} is kept on the request for {@link ManagementAuthentication}.
 */
@ApplicationScoped
public class SecretKeyIdentityStore implements IdentityStore {

    @Inject
    ApiKeyService apiKeys;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        return BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION))
                .filter(bearer -> bearer.startsWith("sk_"))
                .flatMap(apiKeys::authenticateSecret)
                .map(operator -> {
                    request.setAttribute(Caller.OPERATOR, operator);
                    return new CredentialValidationResult(
                            new CallerPrincipal(operator.subject()), Set.of(Roles.SECRET_KEY));
                })
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Override
    public int priority() {
        // before MP-JWT's store (100)
        return 10;
    }
}
