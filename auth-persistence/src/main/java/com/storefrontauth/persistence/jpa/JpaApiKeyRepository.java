package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyRepository;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys by hash on JPA; secret keys are never stored readable. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    @Inject
    Jpa jpa;

    protected JpaApiKeyRepository() {
        // for CDI
    }

    public JpaApiKeyRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(ApiKey key) {
        jpa.run("insert an API key", em -> {
            em.persist(ApiKeyEntity.of(key));
            em.flush();
            return null;
        });
    }

    @Override
    public List<ApiKey> listActive(StoreId store) {
        return jpa.read(
                "list API keys",
                em -> Jpa.readOnly(em, em.createNamedQuery(ApiKeyEntity.ACTIVE_OF_STORE, ApiKeyEntity.class))
                        .setParameter("store", store.value())
                        .getResultStream()
                        .map(ApiKeyEntity::toApiKey)
                        .toList());
    }

    /**
     * One conditional statement, so of two concurrent revocations one wins. Bulk updates bypass the entity
     * manager, but every read here filters on {@code revoked_at} in the database, so none returns the key after.
     */
    @Override
    public boolean revoke(StoreId store, String keyId, Instant at) {
        return jpa.run(
                        "revoke an API key",
                        em -> em.createQuery("UPDATE ApiKeyEntity k SET k.revokedAt = :at"
                                        + " WHERE k.id = :id AND k.storeId = :store AND k.revokedAt IS NULL")
                                .setParameter("at", Timestamps.utc(at))
                                .setParameter("id", keyId)
                                .setParameter("store", store.value())
                                .executeUpdate())
                > 0;
    }

    @Override
    public Optional<ApiKey> findActiveByHash(TokenHash hash) {
        return jpa.read(
                "find an API key",
                em -> Jpa.readOnly(em, em.createNamedQuery(ApiKeyEntity.ACTIVE_BY_HASH, ApiKeyEntity.class))
                        .setParameter("hash", hash.hex())
                        .getResultStream()
                        .findFirst()
                        .map(ApiKeyEntity::toApiKey));
    }
}
