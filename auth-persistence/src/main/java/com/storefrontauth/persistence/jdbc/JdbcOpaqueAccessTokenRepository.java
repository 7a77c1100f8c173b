package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.session.OpaqueAccessTokenRepository;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.shared.TokenHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

@ApplicationScoped
public class JdbcOpaqueAccessTokenRepository implements OpaqueAccessTokenRepository {

    @Inject
    Sql sql;

    @Override
    public void insert(TokenHash token, SessionId session) {
        sql.update(
                "INSERT INTO opaque_access_tokens (token_hash, session_id) VALUES (?, ?)",
                token.hex(),
                session.value());
    }

    @Override
    public Optional<SessionId> findSession(TokenHash token) {
        return sql.one(
                "SELECT session_id FROM opaque_access_tokens WHERE token_hash = ?",
                row -> new SessionId(row.getString("session_id")),
                token.hex());
    }
}
