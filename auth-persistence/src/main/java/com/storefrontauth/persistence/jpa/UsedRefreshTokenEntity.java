package com.storefrontauth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of {@code used_refresh_tokens}: a spent refresh token's hash and its session (an id, not an
 * association: weaving is off). It is written by native SQL only, the compare-and-set of rotation
 * ({@link JpaSessionRepository#rotate}); JPQL reads and deletes it.
 */
@Entity
@Table(name = "used_refresh_tokens")
@NamedQuery(
        name = UsedRefreshTokenEntity.SPENT_IN_STORE,
        query = "SELECT u.sessionId, u.usedAt FROM UsedRefreshTokenEntity u, SessionEntity s"
                + " WHERE s.id = u.sessionId AND u.tokenHash = :hash AND s.storeId = :store")
@NamedQuery(
        name = UsedRefreshTokenEntity.SPENT_IN_MANAGEMENT,
        query = "SELECT u.sessionId, u.usedAt FROM UsedRefreshTokenEntity u, SessionEntity s"
                + " WHERE s.id = u.sessionId AND u.tokenHash = :hash AND s.storeId IS NULL")
@NamedQuery(
        name = UsedRefreshTokenEntity.UNSPEND,
        query = "DELETE FROM UsedRefreshTokenEntity u WHERE u.tokenHash = :hash")
@NamedQuery(
        name = UsedRefreshTokenEntity.DELETE_OF_SESSIONS,
        query = "DELETE FROM UsedRefreshTokenEntity u WHERE u.sessionId IN :ids")
public class UsedRefreshTokenEntity {

    static final String SPENT_IN_STORE = "UsedRefreshTokenEntity.spentInStore";
    static final String SPENT_IN_MANAGEMENT = "UsedRefreshTokenEntity.spentInManagement";
    static final String UNSPEND = "UsedRefreshTokenEntity.unspend";
    static final String DELETE_OF_SESSIONS = "UsedRefreshTokenEntity.deleteOfSessions";

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected UsedRefreshTokenEntity() {
        // for JPA
    }
}
