package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code api_keys}: a secret key only as its hash and hint, a publishable key also in full. */
@Entity
@Table(name = "api_keys")
@NamedQuery(
        name = ApiKeyEntity.ACTIVE_BY_HASH,
        query = "SELECT k FROM ApiKeyEntity k WHERE k.keyHash = :hash AND k.revokedAt IS NULL")
@NamedQuery(
        name = ApiKeyEntity.ACTIVE_OF_STORE,
        query = "SELECT k FROM ApiKeyEntity k WHERE k.storeId = :store AND k.revokedAt IS NULL"
                + " ORDER BY k.createdAt, k.id")
public class ApiKeyEntity {

    static final String ACTIVE_BY_HASH = "ApiKey.activeByHash";
    static final String ACTIVE_OF_STORE = "ApiKey.activeOfStore";

    @Id
    private String id;

    @Column(name = "store_id")
    private String storeId;

    @Column(name = "type")
    @Enumerated(EnumType.STRING)
    private ApiKeyType keyType;

    private String label;

    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "publishable_key")
    private String publishableKey;

    private String hint;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKeyEntity() {
        // for JPA
    }

    static ApiKeyEntity of(ApiKey key) {
        ApiKeyEntity row = new ApiKeyEntity();
        row.id = key.id();
        row.storeId = key.store().value();
        row.keyType = key.type();
        row.label = key.label();
        row.keyHash = key.hash().hex();
        row.publishableKey = key.publishableKey();
        row.hint = key.hint();
        row.createdAt = Timestamps.utc(key.createdAt());
        row.revokedAt = Timestamps.utc(key.revokedAt());
        return row;
    }

    ApiKey toApiKey() {
        return new ApiKey(
                id,
                new StoreId(storeId),
                keyType,
                label,
                new TokenHash(keyHash),
                publishableKey,
                hint,
                createdAt.toInstant(),
                revokedAt == null ? null : revokedAt.toInstant());
    }
}
