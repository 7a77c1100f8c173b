package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.throttle.FailureCount;
import com.storefrontauth.domain.throttle.LoginFailureRepository;
import com.storefrontauth.persistence.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Consecutive sign-in failures per (store, identifier hash) on JPA, shared by every instance through the
 * database. An attempt is reserved under the row's lock ({@code SELECT … FOR UPDATE}), so attempts made
 * at the same moment by different threads or instances are counted one after another.
 */
@ApplicationScoped
public class JpaLoginFailureRepository implements LoginFailureRepository {

    @Inject
    Jpa jpa;

    @Inject
    Sql sql;

    protected JpaLoginFailureRepository() {
        // for CDI
    }

    public JpaLoginFailureRepository(Jpa jpa, Sql sql) {
        this.jpa = jpa;
        this.sql = sql;
    }

    /**
     * Creates the row unless it exists (a concurrent creator makes this wait for its commit), then reads
     * it with a row lock: every later attempt on the identifier waits here until this transaction ends.
     * The create is native SQL ({@code ON CONFLICT DO NOTHING} on PostgreSQL): JPA has no insert that may
     * find the row already there without failing, and a failed statement would abort the transaction.
     */
    @Override
    public FailureCount lock(StoreId store, TokenHash identifier, Instant now) {
        sql.insertUnlessDuplicate(
                "INSERT INTO login_failures"
                        + " (store_id, identifier_hash, failures, last_failure_at, locked_until) VALUES (?, ?, 0, ?, NULL)",
                "(store_id, identifier_hash)",
                store.value(),
                identifier.hex(),
                now);
        return jpa.run(
                "lock a login failure count",
                em -> em.createNamedQuery(LoginFailureEntity.LOCK, LoginFailureEntity.class)
                        .setParameter("store", store.value())
                        .setParameter("identifier", identifier.hex())
                        .getResultStream()
                        .findFirst()
                        .map(LoginFailureEntity::toFailureCount)
                        .orElseThrow(() -> new IllegalStateException("the login failure row vanished while locked")));
    }

    @Override
    public void save(StoreId store, TokenHash identifier, FailureCount count) {
        jpa.run(
                "save a login failure count",
                em -> em.createNamedQuery(LoginFailureEntity.SAVE)
                        .setParameter("failures", count.failures())
                        .setParameter("lastFailureAt", Timestamps.utc(count.lastAttemptAt()))
                        .setParameter("lockedUntil", Timestamps.utc(count.lockedUntil()))
                        .setParameter("store", store.value())
                        .setParameter("identifier", identifier.hex())
                        .executeUpdate());
    }

    @Override
    public void clear(StoreId store, TokenHash identifier) {
        jpa.run(
                "clear a login failure count",
                em -> em.createNamedQuery(LoginFailureEntity.CLEAR)
                        .setParameter("store", store.value())
                        .setParameter("identifier", identifier.hex())
                        .executeUpdate());
    }
}
