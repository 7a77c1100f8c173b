package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.throttle.FailureCount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A row of {@code login_failures}: an identifier's consecutive failures in a store. */
@Entity
@Table(name = "login_failures")
@IdClass(LoginFailureEntity.Key.class)
@NamedQuery(
        name = LoginFailureEntity.LOCK,
        query = "SELECT f FROM LoginFailureEntity f WHERE f.storeId = :store AND f.identifierHash = :identifier",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(
        name = LoginFailureEntity.SAVE,
        query = "UPDATE LoginFailureEntity f SET f.failures = :failures, f.lastFailureAt = :lastFailureAt,"
                + " f.lockedUntil = :lockedUntil WHERE f.storeId = :store AND f.identifierHash = :identifier")
@NamedQuery(
        name = LoginFailureEntity.CLEAR,
        query = "DELETE FROM LoginFailureEntity f WHERE f.storeId = :store AND f.identifierHash = :identifier")
public class LoginFailureEntity {

    static final String LOCK = "LoginFailure.lock";
    static final String SAVE = "LoginFailure.save";
    static final String CLEAR = "LoginFailure.clear";

    @Id
    @Column(name = "store_id")
    private String storeId;

    @Id
    @Column(name = "identifier_hash")
    private String identifierHash;

    private long failures;

    @Column(name = "last_failure_at")
    private OffsetDateTime lastFailureAt;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    protected LoginFailureEntity() {
        // for JPA
    }

    FailureCount toFailureCount() {
        return new FailureCount(
                failures, lastFailureAt.toInstant(), lockedUntil == null ? null : lockedUntil.toInstant());
    }

    /** The primary key (store, identifier hash). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String storeId;
        private String identifierHash;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && storeId.equals(key.storeId) && identifierHash.equals(key.identifierHash);
        }

        @Override
        public int hashCode() {
            return 31 * storeId.hashCode() + identifierHash.hashCode();
        }
    }
}
