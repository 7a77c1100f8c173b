package com.storefrontauth.api.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.session.AccessTokenClaims;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRing;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String ISSUER = "https://auth.example";

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void verifyWhenTokenIsOursAndFreshThenClaimsAreReturned(SigningAlgorithm algorithm) {
        Ring ring = new Ring(key(algorithm, "sig_a"));
        String token = issuer(ring).issue(claims(NOW, NOW.plusSeconds(900)));
        VerifiedToken verified = verifier(ring, NOW.plusSeconds(60)).verify(token).orElseThrow();
        assertThat(verified.subject()).isEqualTo("cus_1");
        assertThat(verified.audience()).containsExactly("st_1");
        assertThat(verified.storeId()).isEqualTo("st_1");
        assertThat(verified.groups()).containsExactly("customer");
        assertThat(verified.anonymousId()).isEqualTo("anon_1");
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void verifyWhenTokenHasExpiredThenRefused(SigningAlgorithm algorithm) {
        Ring ring = new Ring(key(algorithm, "sig_a"));
        String token = issuer(ring).issue(claims(NOW, NOW.plusSeconds(900)));
        assertThat(verifier(ring, NOW.plusSeconds(900)).verify(token)).isEmpty();
        assertThat(verifier(ring, NOW.plus(Duration.ofHours(2))).verify(token)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void verifyWhenIssuerDiffersThenRefused(SigningAlgorithm algorithm) {
        Ring ring = new Ring(key(algorithm, "sig_a"));
        JoseAccessTokenIssuer other = issuer(ring);
        other.issuer = "https://elsewhere.example";
        assertThat(verifier(ring, NOW).verify(other.issue(claims(NOW, NOW.plusSeconds(900))))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void verifyWhenKidNamesAKeyOfTheOtherAlgorithmThenRefused(SigningAlgorithm algorithm) {
        SigningAlgorithm otherAlgorithm = algorithm == SigningAlgorithm.RS256 ? SigningAlgorithm.ES256 : SigningAlgorithm.RS256;
        String token = issuer(new Ring(key(algorithm, "sig_same"))).issue(claims(NOW, NOW.plusSeconds(900)));
        Ring swapped = new Ring(key(otherAlgorithm, "sig_same"));
        assertThat(verifier(swapped, NOW).verify(token)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void verifyWhenIssuedInTheFutureThenRefused(SigningAlgorithm algorithm) {
        Ring ring = new Ring(key(algorithm, "sig_a"));
        String token = issuer(ring).issue(claims(NOW.plusSeconds(300), NOW.plusSeconds(1200)));
        assertThat(verifier(ring, NOW).verify(token)).isEmpty();
    }

    private static AccessTokenClaims claims(Instant issuedAt, Instant expiresAt) {
        return new AccessTokenClaims("cus_1", "st_1", "st_1", SessionId.generate(), List.of("customer"), "anon_1",
                issuedAt, expiresAt);
    }

    private static JoseAccessTokenIssuer issuer(Ring ring) {
        JoseAccessTokenIssuer issuer = new JoseAccessTokenIssuer();
        issuer.ring = ring;
        issuer.issuer = ISSUER;
        return issuer;
    }

    private static AccessTokenVerifier verifier(Ring ring, Instant now) {
        AccessTokenVerifier verifier = new AccessTokenVerifier();
        verifier.ring = ring;
        verifier.issuer = ISSUER;
        verifier.clock = Clock.fixed(now, ZoneOffset.UTC);
        return verifier;
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

        @Override
        public Optional<SigningKey> find(String kid) {
            return key.kid().equals(kid) ? Optional.of(key) : Optional.empty();
        }
    }
}
