package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * A row of {@code signing_keys}: the public half as base64 X.509 DER, the private half as
 * {@link PrivateKeySeal} keeps it (never in clear when an encryption key is configured).
 */
@Entity
@Table(name = "signing_keys")
public class SigningKeyEntity {

    @Id
    private String kid;

    @Enumerated(EnumType.STRING)
    private SigningAlgorithm algorithm;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "private_key")
    private String privateKey;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    protected SigningKeyEntity() {
        // for JPA
    }

    static SigningKeyEntity of(SigningKey key, PrivateKeySeal seal) {
        SigningKeyEntity row = new SigningKeyEntity();
        row.kid = key.kid();
        row.algorithm = key.algorithm();
        row.publicKey = Base64.getEncoder().encodeToString(key.publicKey().getEncoded());
        row.privateKey = seal.seal(key.kid(), key.privateKey());
        row.createdAt = Timestamps.utc(key.createdAt());
        row.retiredAt = Timestamps.utc(key.retiredAt());
        return row;
    }

    SigningKey toSigningKey(PrivateKeySeal seal) {
        return new SigningKey(
                kid,
                algorithm,
                publicKey(),
                seal.open(kid, privateKey, algorithm.keyAlgorithm()),
                createdAt.toInstant(),
                retiredAt == null ? null : retiredAt.toInstant());
    }

    void retire(Instant at) {
        retiredAt = Timestamps.utc(at);
    }

    private PublicKey publicKey() {
        try {
            return KeyFactory.getInstance(algorithm.keyAlgorithm())
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key " + kid + " has no valid " + algorithm + " public key", e);
        }
    }
}
