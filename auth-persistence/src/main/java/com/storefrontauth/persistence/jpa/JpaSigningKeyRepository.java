package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signing key ring on JPA; private halves through {@link PrivateKeySeal} (encrypted when
 * {@code auth.signing.encryption-key} is set).
 */
@ApplicationScoped
public class JpaSigningKeyRepository implements SigningKeyRepository {

    @Inject
    Jpa jpa;

    @Inject
    @ConfigProperty(name = PrivateKeySeal.SETTING)
    Optional<String> encryptionKey;

    private PrivateKeySeal seal;

    protected JpaSigningKeyRepository() {
        // for CDI
    }

    public JpaSigningKeyRepository(Jpa jpa, String encryptionKey) {
        this.jpa = jpa;
        this.encryptionKey = Optional.ofNullable(encryptionKey);
        init();
    }

    @PostConstruct
    void init() {
        seal = PrivateKeySeal.of(encryptionKey.orElse(null));
    }

    @Override
    public void insert(SigningKey key) {
        jpa.run("insert a signing key", em -> {
            em.persist(SigningKeyEntity.of(key, seal));
            em.flush();
            return null;
        });
    }

    @Override
    public List<SigningKey> findAll() {
        return jpa.read(
                "list signing keys",
                em -> em.createQuery(
                                "SELECT k FROM SigningKeyEntity k ORDER BY k.createdAt DESC, k.kid DESC",
                                SigningKeyEntity.class)
                        .getResultStream()
                        .map(row -> row.toSigningKey(seal))
                        .toList());
    }

    /**
     * Through the entities, not a bulk update: a rotation reads the ring again in its transaction, and the
     * entity manager would otherwise hand back the keys it had read before as still active. The ring is a
     * handful of rows.
     */
    @Override
    public void retireAllActive(Instant now) {
        jpa.run("retire the active signing keys", em -> {
            em.createQuery("SELECT k FROM SigningKeyEntity k WHERE k.retiredAt IS NULL", SigningKeyEntity.class)
                    .getResultList()
                    .forEach(row -> row.retire(now));
            em.flush();
            return null;
        });
    }
}
