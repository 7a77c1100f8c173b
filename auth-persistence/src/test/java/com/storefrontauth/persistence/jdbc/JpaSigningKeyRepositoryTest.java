package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.shared.PublicId;
import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.persistence.jpa.Jpa;
import com.storefrontauth.persistence.jpa.JpaSigningKeyRepository;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Each test empties the table first: the key ring is installation-wide, not per store. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaSigningKeyRepositoryTest extends RepositoryTest {

    private static final String ENCRYPTION_KEY = "correct horse battery staple";

    @BeforeEach
    void emptyKeyRing() {
        sql.update("DELETE FROM signing_keys");
    }

    private static SigningKey newKey(SigningAlgorithm algorithm, Instant createdAt) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
        if (algorithm == SigningAlgorithm.ES256) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        KeyPair pair = generator.generateKeyPair();
        return new SigningKey(
                PublicId.generate("sig_"), algorithm, pair.getPublic(), pair.getPrivate(), createdAt, null);
    }

    private static String storedPrivateKey(SigningKey key) {
        return sql.one("SELECT private_key FROM signing_keys WHERE kid = ?", row -> row.getString(1), key.kid())
                .orElseThrow();
    }

    private static void assertSameKey(SigningKey found, SigningKey key) throws Exception {
        assertThat(found.kid()).isEqualTo(key.kid());
        assertThat(found.algorithm()).isEqualTo(key.algorithm());
        assertThat(found.publicKey()).isEqualTo(key.publicKey());
        assertThat(found.privateKey().getEncoded()).isEqualTo(key.privateKey().getEncoded());
        assertThat(found.createdAt()).isEqualTo(key.createdAt());
        String algorithm = key.algorithm() == SigningAlgorithm.RS256 ? "SHA256withRSA" : "SHA256withECDSA";
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(found.privateKey());
        signer.update("payload".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(found.publicKey());
        verifier.update("payload".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void whenNoEncryptionKeyIsConfiguredThenKeysAreStoredPlainAndRoundTrip() throws Exception {
        JpaSigningKeyRepository repository = new JpaSigningKeyRepository(new Jpa(transactions, transactions), null);
        SigningKey rsa = newKey(SigningAlgorithm.RS256, now());
        SigningKey ec = newKey(SigningAlgorithm.ES256, now().plusSeconds(1));

        repository.insert(rsa);
        repository.insert(ec);

        List<SigningKey> found = repository.findAll();
        assertThat(found).hasSize(2);
        assertSameKey(found.get(1), rsa);
        assertSameKey(found.get(0), ec);
        assertThat(storedPrivateKey(rsa)).startsWith("plain:");
    }

    @Test
    void whenAnEncryptionKeyIsConfiguredThenPrivateKeysAreSealedAndRoundTrip() throws Exception {
        JpaSigningKeyRepository repository =
                new JpaSigningKeyRepository(new Jpa(transactions, transactions), ENCRYPTION_KEY);
        SigningKey rsa = newKey(SigningAlgorithm.RS256, now());
        SigningKey ec = newKey(SigningAlgorithm.ES256, now().plusSeconds(1));

        repository.insert(rsa);
        repository.insert(ec);

        List<SigningKey> found = repository.findAll();
        assertSameKey(found.get(0), ec);
        assertSameKey(found.get(1), rsa);
        String stored = storedPrivateKey(rsa);
        assertThat(stored).startsWith("aesgcm:").matches("aesgcm:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");
        assertThat(stored)
                .doesNotContain(java.util.Base64.getEncoder()
                        .encodeToString(rsa.privateKey().getEncoded()));
    }

    @Test
    void whenASealedKeyIsReadWithoutTheEncryptionKeyThenAClearErrorNamesTheSetting() throws Exception {
        new JpaSigningKeyRepository(new Jpa(transactions, transactions), ENCRYPTION_KEY)
                .insert(newKey(SigningAlgorithm.RS256, now()));

        assertThatThrownBy(() -> new JpaSigningKeyRepository(new Jpa(transactions, transactions), null).findAll())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth.signing.encryption-key")
                .hasMessageContaining("encrypted");
    }

    @Test
    void whenASealedKeyIsReadWithAnotherEncryptionKeyThenItIsRefused() throws Exception {
        new JpaSigningKeyRepository(new Jpa(transactions, transactions), ENCRYPTION_KEY)
                .insert(newKey(SigningAlgorithm.ES256, now()));

        assertThatThrownBy(
                        () -> new JpaSigningKeyRepository(new Jpa(transactions, transactions), "another key").findAll())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth.signing.encryption-key is not the key it was sealed with");
    }

    @Test
    void whenASealedKeyIsCopiedToAnotherKidThenItCannotBeOpened() throws Exception {
        JpaSigningKeyRepository repository =
                new JpaSigningKeyRepository(new Jpa(transactions, transactions), ENCRYPTION_KEY);
        SigningKey original = newKey(SigningAlgorithm.ES256, now());
        SigningKey impostor = newKey(SigningAlgorithm.ES256, now().plusSeconds(1));
        repository.insert(original);
        repository.insert(impostor);
        sql.update("UPDATE signing_keys SET private_key = ? WHERE kid = ?", storedPrivateKey(original), impostor.kid());

        assertThatThrownBy(repository::findAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(impostor.kid());
    }

    @Test
    void whenPlainKeysExistAndAnEncryptionKeyIsConfiguredLaterThenTheyAreStillRead() throws Exception {
        SigningKey plain = newKey(SigningAlgorithm.RS256, now());
        new JpaSigningKeyRepository(new Jpa(transactions, transactions), null).insert(plain);

        List<SigningKey> found =
                new JpaSigningKeyRepository(new Jpa(transactions, transactions), ENCRYPTION_KEY).findAll();

        assertSameKey(found.get(0), plain);
    }

    @Test
    void whenActiveKeysAreRetiredThenOnlyThoseGetTheRetirementTimeAndTheOrderIsNewestFirst() throws Exception {
        JpaSigningKeyRepository repository = new JpaSigningKeyRepository(new Jpa(transactions, transactions), null);
        Instant start = now();
        SigningKey older = newKey(SigningAlgorithm.RS256, start);
        repository.insert(older);
        repository.retireAllActive(start.plusSeconds(10));
        SigningKey newer = newKey(SigningAlgorithm.RS256, start.plusSeconds(20));
        repository.insert(newer);
        repository.retireAllActive(start.plusSeconds(30));
        SigningKey newest = newKey(SigningAlgorithm.RS256, start.plusSeconds(40));
        repository.insert(newest);

        List<SigningKey> found = repository.findAll();

        assertThat(found).extracting(SigningKey::kid).containsExactly(newest.kid(), newer.kid(), older.kid());
        assertThat(found)
                .extracting(SigningKey::retiredAt)
                .containsExactly(null, start.plusSeconds(30), start.plusSeconds(10));
    }

    @Test
    void whenKeysAreRetiredInATransactionThatHadReadThemThenItsNextReadSeesThemRetired() throws Exception {
        JpaSigningKeyRepository repository = new JpaSigningKeyRepository(new Jpa(transactions, transactions), null);
        Instant start = now();
        SigningKey old = newKey(SigningAlgorithm.ES256, start);
        repository.insert(old);
        SigningKey next = newKey(SigningAlgorithm.ES256, start.plusSeconds(1));

        List<SigningKey> reread = transactions.required(() -> {
            assertThat(repository.findAll()).extracting(SigningKey::retiredAt).containsExactly((Instant) null);
            repository.retireAllActive(start.plusSeconds(1));
            repository.insert(next);
            return repository.findAll();
        });

        assertThat(reread).extracting(SigningKey::kid).containsExactly(next.kid(), old.kid());
        assertThat(reread).extracting(SigningKey::retiredAt).containsExactly(null, start.plusSeconds(1));
    }

    @Test
    void whenKeysShareACreationTimeThenTheOrderIsByKidDescendingAndTimesKeepTheirMicroseconds() throws Exception {
        JpaSigningKeyRepository repository = new JpaSigningKeyRepository(new Jpa(transactions, transactions), null);
        Instant at = Instant.parse("2026-01-02T03:04:05.123456Z");
        SigningKey first = newKey(SigningAlgorithm.ES256, at);
        SigningKey second = newKey(SigningAlgorithm.ES256, at);
        repository.insert(first);
        repository.insert(second);
        repository.retireAllActive(at.plusNanos(1_000));

        List<SigningKey> found = repository.findAll();

        assertThat(found)
                .extracting(SigningKey::kid)
                .containsExactly(List.of(first.kid(), second.kid()).stream()
                        .sorted(Comparator.reverseOrder())
                        .toArray(String[]::new));
        assertThat(found).extracting(SigningKey::createdAt).containsOnly(at);
        assertThat(found).extracting(SigningKey::retiredAt).containsOnly(at.plusNanos(1_000));
    }
}
