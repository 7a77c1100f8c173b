package com.storefrontauth.api.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storefrontauth.domain.session.AccessTokenClaims;
import com.storefrontauth.domain.session.AccessTokenIssuer;
import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.interfaces.ECPrivateKey;
import java.util.Date;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs access tokens with the ring's current key. {@code typ}, {@code jti}, {@code iat} and
 * {@code upn} are always set: MicroProfile JWT verifiers (Payara's among them) refuse tokens without them.
 */
@ApplicationScoped
public class JoseAccessTokenIssuer implements AccessTokenIssuer {

    @Inject
    SigningKeyRing ring;

    @Inject
    @ConfigProperty(name = "auth.issuer", defaultValue = "http://localhost:8080")
    String issuer;

    @Override
    public String issue(AccessTokenClaims claims) {
        SigningKey key = ring.current();
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.subject())
                .audience(claims.audience())
                .claim("sid", claims.sessionId().value())
                .claim("groups", claims.groups())
                .claim("upn", claims.subject())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(UUID.randomUUID().toString());
        if (claims.storeId() != null) {
            body.claim("store_id", claims.storeId());
        }
        if (claims.anonymousId() != null) {
            body.claim("anonymous_id", claims.anonymousId());
        }
        JWSHeader header = new JWSHeader.Builder(jwsAlgorithm(key.algorithm()))
                .type(JOSEObjectType.JWT)
                .keyID(key.kid())
                .build();
        SignedJWT jwt = new SignedJWT(header, body.build());
        try {
            jwt.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
        }
        return jwt.serialize();
    }

    static JWSAlgorithm jwsAlgorithm(SigningAlgorithm algorithm) {
        return algorithm == SigningAlgorithm.ES256 ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    }

    private static JWSSigner signer(SigningKey key) throws JOSEException {
        return key.algorithm() == SigningAlgorithm.ES256
                ? new ECDSASigner((ECPrivateKey) key.privateKey())
                : new RSASSASigner(key.privateKey());
    }
}
