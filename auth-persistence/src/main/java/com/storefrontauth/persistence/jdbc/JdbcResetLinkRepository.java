package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.ResetLink;
import com.storefrontauth.domain.customer.ResetLinkRepository;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Password-reset links by the SHA-256 of their token; spending one is a conditional update. */
@ApplicationScoped
public class JdbcResetLinkRepository implements ResetLinkRepository {

    @Inject
    Sql sql;

    protected JdbcResetLinkRepository() {
        // for CDI
    }

    JdbcResetLinkRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ResetLink link) {
        sql.update(
                "INSERT INTO password_reset_links (id_hash, store_id, customer_id, email, expires_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                link.id().hex(),
                link.store().value(),
                link.customer().value(),
                link.email(),
                link.expiresAt(),
                link.createdAt());
    }

    @Override
    public Optional<ResetLink> spend(TokenHash id, StoreId store, Instant now) {
        int spent = sql.update(
                "UPDATE password_reset_links SET used_at = ? WHERE id_hash = ? AND store_id = ?"
                        + " AND used_at IS NULL AND expires_at > ?",
                now,
                id.hex(),
                store.value(),
                now);
        if (spent == 0) {
            return Optional.empty();
        }
        return sql.one(
                "SELECT id_hash, store_id, customer_id, email, expires_at, created_at FROM password_reset_links"
                        + " WHERE id_hash = ?",
                JdbcResetLinkRepository::link,
                id.hex());
    }

    @Override
    public int deleteExpired(Instant before) {
        return sql.update("DELETE FROM password_reset_links WHERE expires_at < ?", before);
    }

    private static ResetLink link(ResultSet row) throws SQLException {
        return new ResetLink(
                new TokenHash(row.getString("id_hash")),
                new StoreId(row.getString("store_id")),
                new CustomerId(row.getString("customer_id")),
                row.getString("email"),
                Sql.instant(row, "expires_at"),
                Sql.instant(row, "created_at"));
    }
}
