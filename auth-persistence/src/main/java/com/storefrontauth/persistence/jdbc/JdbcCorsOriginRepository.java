package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.CorsOriginRepository;
import com.storefrontauth.domain.cors.OriginPattern;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.DataAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A store's CORS allow-list, kept in the canonical text of each origin. */
@ApplicationScoped
public class JdbcCorsOriginRepository implements CorsOriginRepository {

    @Inject
    Sql sql;

    protected JdbcCorsOriginRepository() {
        // for CDI
    }

    JdbcCorsOriginRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(CorsOrigin origin) {
        sql.update(
                "INSERT INTO cors_origins (id, store_id, origin, created_at) VALUES (?, ?, ?, ?)",
                origin.id(),
                origin.store().value(),
                origin.origin().toString(),
                origin.createdAt());
    }

    @Override
    public List<CorsOrigin> list(StoreId store) {
        return sql.list(
                "SELECT id, store_id, origin, created_at FROM cors_origins WHERE store_id = ?"
                        + " ORDER BY created_at, id",
                JdbcCorsOriginRepository::corsOrigin,
                store.value());
    }

    @Override
    public boolean delete(StoreId store, String originId) {
        return sql.update("DELETE FROM cors_origins WHERE id = ? AND store_id = ?", originId, store.value()) > 0;
    }

    private static CorsOrigin corsOrigin(ResultSet row) throws SQLException {
        String id = row.getString("id");
        String text = row.getString("origin");
        OriginPattern origin = OriginPattern.parse(text)
                .orElseThrow(
                        () -> new DataAccessException("Stored CORS origin " + id + " is not an origin: " + text, null));
        return new CorsOrigin(id, new StoreId(row.getString("store_id")), origin, Sql.instant(row, "created_at"));
    }
}
