package com.storefrontauth.api.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storefrontauth.domain.session.AccessTokenClaims;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRing;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our tokens are what MicroProfile JWT verifiers accept (Payara's refuses a token without {@code typ},
 * {@code jti}, {@code iat}, {@code sub}, {@code iss} or {@code exp}), and they verify with the key set we
 * publish ({@link JsonWebKeys}), found by {@code kid}.
 */
class JoseAccessTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String ISSUER = "https://auth.example";

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void issueThenTokenCarriesEveryClaimMicroProfileJwtRequires(SigningAlgorithm algorithm) throws Exception {
        SigningKey key = key(algorithm, "sig_a");
        SignedJWT jwt = SignedJWT.parse(issuer(key).issue(claims()));
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("sig_a");
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.name());
        JWTClaimsSet body = jwt.getJWTClaimsSet();
        assertThat(body.getIssuer()).isEqualTo(ISSUER);
        assertThat(body.getSubject()).isEqualTo("cus_1");
        assertThat(body.getJWTID()).isNotBlank();
        assertThat(body.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(body.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(900)));
        assertThat(body.getStringClaim("upn")).isEqualTo("cus_1");
        assertThat(body.getStringListClaim("groups")).containsExactly("customer");
        assertThat(body.getAudience()).containsExactly("st_1");
        assertThat(body.getStringClaim("store_id")).isEqualTo("st_1");
        assertThat(body.getStringClaim("anonymous_id")).isEqualTo("anon_1");
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void issueThenTokenVerifiesWithThePublishedKeyOfItsKidAndNoOther(SigningAlgorithm algorithm) throws Exception {
        SigningKey signing = key(algorithm, "sig_a");
        SigningKey other = key(algorithm, "sig_b");
        SignedJWT jwt = SignedJWT.parse(issuer(signing).issue(claims()));
        JWKSet published = JWKSet.parse(JsonWebKeys.of(List.of(other, signing)));

        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly("sig_b", "sig_a");
        assertThat(published.getKeys())
                .allSatisfy(jwk -> assertThat(jwk.isPrivate()).isFalse());
        assertThat(jwt.verify(verifier(jwt, published.getKeyByKeyId("sig_a")))).isTrue();
        assertThat(jwt.verify(verifier(jwt, published.getKeyByKeyId("sig_b")))).isFalse();
    }

    private static com.nimbusds.jose.JWSVerifier verifier(SignedJWT jwt, JWK jwk) throws Exception {
        Key publicKey = jwk.getAlgorithm().getName().equals("ES256")
                ? jwk.toECKey().toPublicKey()
                : jwk.toRSAKey().toPublicKey();
        return new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
    }

    private static AccessTokenClaims claims() {
        return new AccessTokenClaims(
                "cus_1",
                "st_1",
                "st_1",
                SessionId.generate(),
                List.of("customer"),
                "anon_1",
                NOW,
                NOW.plusSeconds(900));
    }

    private static JoseAccessTokenIssuer issuer(SigningKey key) {
        JoseAccessTokenIssuer issuer = new JoseAccessTokenIssuer();
        issuer.ring = new Ring(key);
        issuer.issuer = ISSUER;
        return issuer;
    }

    private static SigningKey key(SigningAlgorithm algorithm, String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
            if (algorithm == SigningAlgorithm.ES256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(kid, algorithm, pair.getPublic(), pair.getPrivate(), NOW, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key ring of one key, without a database. */
    private static final class Ring extends SigningKeyRing {
        private final SigningKey key;

        Ring(SigningKey key) {
            this.key = key;
        }

        @Override
        public SigningKey current() {
            return key;
        }
    }
}
