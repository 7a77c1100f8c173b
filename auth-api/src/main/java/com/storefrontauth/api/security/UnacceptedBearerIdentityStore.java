package com.storefrontauth.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Asked last, after MP-JWT's store has refused a Bearer credential: the request goes on as a caller with
 * no role instead of being answered 401 by the container. Routes that need a token then refuse it
 * themselves, in their own error format (problem+json with {@code error_code}, or a dialect's shape),
 * and the sign-in routes, where a guest token is optional, simply go without the guest link, as they
 * always did. No principal of this store ever carries a role or a {@code JsonWebToken}.
 */
@ApplicationScoped
public class UnacceptedBearerIdentityStore implements IdentityStore {

    static final String PRINCIPAL = "unaccepted-bearer";

    @Override
    public CredentialValidationResult validate(Credential credential) {
        return new CredentialValidationResult(new CallerPrincipal(PRINCIPAL), Set.of());
    }

    @Override
    public int priority() {
        // after MP-JWT's store (100)
        return 1000;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
