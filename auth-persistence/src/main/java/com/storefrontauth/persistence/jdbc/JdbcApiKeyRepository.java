package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyRepository;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys by hash; secret keys are never stored readable. */
@ApplicationScoped
public class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS =
            "id, store_id, type, label, key_hash, publishable_key, hint, created_at, revoked_at";

    @Inject
    Sql sql;

    protected JdbcApiKeyRepository() {
        // for CDI
    }

    JdbcApiKeyRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ApiKey key) {
        sql.update(
                "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.id(),
                key.store().value(),
                key.type(),
                key.label(),
                key.hash().hex(),
                key.publishableKey(),
                key.hint(),
                key.createdAt(),
                key.revokedAt());
    }

    @Override
    public List<ApiKey> listActive(StoreId store) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM api_keys WHERE store_id = ? AND revoked_at IS NULL"
                        + " ORDER BY created_at, id",
                JdbcApiKeyRepository::apiKey,
                store.value());
    }

    @Override
    public boolean revoke(StoreId store, String keyId, Instant at) {
        return sql.update(
                        "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND store_id = ? AND revoked_at IS NULL",
                        at,
                        keyId,
                        store.value())
                > 0;
    }

    @Override
    public Optional<ApiKey> findActiveByHash(TokenHash hash) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
                JdbcApiKeyRepository::apiKey,
                hash.hex());
    }

    private static ApiKey apiKey(ResultSet row) throws SQLException {
        return new ApiKey(
                row.getString("id"),
                new StoreId(row.getString("store_id")),
                ApiKeyType.valueOf(row.getString("type")),
                row.getString("label"),
                new TokenHash(row.getString("key_hash")),
                row.getString("publishable_key"),
                row.getString("hint"),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "revoked_at"));
    }
}
