package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signing key ring: public halves as base64 X.509 DER, private halves through {@link PrivateKeySeal}
 * (encrypted when {@code auth.signing.encryption-key} is set).
 */
@ApplicationScoped
public class JdbcSigningKeyRepository implements SigningKeyRepository {

    @Inject
    Sql sql;

    @Inject
    @ConfigProperty(name = PrivateKeySeal.SETTING)
    Optional<String> encryptionKey;

    private PrivateKeySeal seal;

    protected JdbcSigningKeyRepository() {
        // for CDI
    }

    JdbcSigningKeyRepository(Sql sql, String encryptionKey) {
        this.sql = sql;
        this.encryptionKey = Optional.ofNullable(encryptionKey);
        init();
    }

    @PostConstruct
    void init() {
        seal = PrivateKeySeal.of(encryptionKey.orElse(null));
    }

    @Override
    public void insert(SigningKey key) {
        sql.update(
                "INSERT INTO signing_keys (kid, algorithm, public_key, private_key, created_at, retired_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                key.kid(),
                key.algorithm(),
                Base64.getEncoder().encodeToString(key.publicKey().getEncoded()),
                seal.seal(key.kid(), key.privateKey()),
                key.createdAt(),
                key.retiredAt());
    }

    @Override
    public List<SigningKey> findAll() {
        return sql.list(
                "SELECT kid, algorithm, public_key, private_key, created_at, retired_at FROM signing_keys"
                        + " ORDER BY created_at DESC, kid DESC",
                this::signingKey);
    }

    @Override
    public void retireAllActive(Instant now) {
        sql.update("UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL", now);
    }

    private SigningKey signingKey(ResultSet row) throws SQLException {
        String kid = row.getString("kid");
        SigningAlgorithm algorithm = SigningAlgorithm.valueOf(row.getString("algorithm"));
        return new SigningKey(
                kid,
                algorithm,
                publicKey(kid, algorithm, row.getString("public_key")),
                seal.open(kid, row.getString("private_key"), algorithm.keyAlgorithm()),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "retired_at"));
    }

    private static PublicKey publicKey(String kid, SigningAlgorithm algorithm, String base64) {
        try {
            return KeyFactory.getInstance(algorithm.keyAlgorithm())
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key " + kid + " has no valid " + algorithm + " public key", e);
        }
    }
}
