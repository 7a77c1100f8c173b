package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.shared.TokenHash;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code opaque_access_tokens}: the hash of an opaque access token and the session it acts for. */
@Entity
@Table(name = "opaque_access_tokens")
public class OpaqueAccessTokenEntity {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "session_id")
    private String sessionId;

    protected OpaqueAccessTokenEntity() {
        // for JPA
    }

    static OpaqueAccessTokenEntity of(TokenHash token, SessionId session) {
        OpaqueAccessTokenEntity row = new OpaqueAccessTokenEntity();
        row.tokenHash = token.hex();
        row.sessionId = session.value();
        return row;
    }

    SessionId session() {
        return new SessionId(sessionId);
    }
}
