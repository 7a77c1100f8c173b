package com.storefrontauth.api.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.storefrontauth.domain.signing.SigningKeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Validates nothing: before MP-JWT checks a token, a {@code kid} this instance has not seen makes the
 * {@link SigningKeyRing} look in the database (at most once a second), so a key rotated on another
 * instance verifies here at once instead of after the ring's next periodic reload.
 */
@ApplicationScoped
public class UnseenSigningKeyLookout implements IdentityStore {

    private static final int MAX_HEADER_LENGTH = 512;

    @Inject
    SigningKeyRing ring;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION)).ifPresent(this::lookOut);
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private void lookOut(String bearer) {
        int dot = bearer.indexOf('.');
        if (dot <= 0 || dot > MAX_HEADER_LENGTH) {
            return;
        }
        try {
            String kid =
                    JWSHeader.parse(new Base64URL(bearer.substring(0, dot))).getKeyID();
            if (kid != null) {
                ring.find(kid);
            }
        } catch (ParseException | RuntimeException notAJwsHeader) {
            // MP-JWT refuses it right after
        }
    }

    @Override
    public int priority() {
        // after secret keys, before MP-JWT's store (100)
        return 20;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
