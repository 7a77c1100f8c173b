package com.storefrontauth.api.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies our own access tokens. The algorithm is taken from the key named by {@code kid}, never
 * from the token, so {@code alg: none}, HS256 keyed with a public key and algorithm swaps all fail
 * (RFC 8725 §3.1). Issuer, expiry and the claims we rely on are required.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_LENGTH = 8192;

    @Inject
    SigningKeyRing ring;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "auth.issuer", defaultValue = "http://localhost:8080")
    String issuer;

    /** The verified claims, or empty for any token we did not issue or that is no longer valid. */
    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            String kid = jwt.getHeader().getKeyID();
            if (kid == null || !JOSEObjectType.JWT.equals(jwt.getHeader().getType())) {
                return Optional.empty();
            }
            Optional<SigningKey> key = ring.find(kid);
            if (key.isEmpty() || !jwt.getHeader().getAlgorithm().equals(JoseAccessTokenIssuer.jwsAlgorithm(key.get().algorithm()))) {
                return Optional.empty();
            }
            if (!jwt.verify(verifier(key.get()))) {
                return Optional.empty();
            }
            return accept(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<VerifiedToken> accept(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        Date issuedAt = claims.getIssueTime();
        String sid = claims.getStringClaim("sid");
        List<String> groups = claims.getStringListClaim("groups");
        if (!issuer.equals(claims.getIssuer()) || expiry == null || !now.isBefore(expiry.toInstant())
                || issuedAt == null || issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))
                || claims.getSubject() == null || claims.getJWTID() == null || groups == null
                || claims.getAudience() == null || claims.getAudience().isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionId> session = SessionId.parse(sid);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedToken(claims.getSubject(), claims.getAudience(),
                claims.getStringClaim("store_id"), session.get(), groups, claims.getStringClaim("anonymous_id")));
    }

    private static JWSVerifier verifier(SigningKey key) throws JOSEException {
        return key.algorithm() == SigningAlgorithm.ES256
                ? new ECDSAVerifier((ECPublicKey) key.publicKey())
                : new RSASSAVerifier((RSAPublicKey) key.publicKey());
    }
}
