package com.storefrontauth.persistence.jpa;

import static com.storefrontauth.persistence.jpa.Timestamps.utc;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChallengeRepository;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * One-time code challenges on JPA. A verification reads its challenge under a row lock ({@code SELECT …
 * FOR UPDATE}, the queries' pessimistic write lock) and writes it back in the same transaction, so two
 * concurrent attempts at one challenge are counted one after the other, never both against the same
 * attempt count.
 */
@ApplicationScoped
public class JpaOtpChallengeRepository implements OtpChallengeRepository {

    /** The newest first, one row, locked. */
    private static final String NEWEST_LOCKED =
            " ORDER BY last_sent_at DESC, created_at DESC, id_hash FETCH FIRST 1 ROWS ONLY FOR UPDATE";

    @Inject
    Jpa jpa;

    protected JpaOtpChallengeRepository() {
        // for CDI
    }

    public JpaOtpChallengeRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    /**
     * Written with the transaction's next flush (a later query's or the commit's), not a flush of its own: nothing
     * needs the row in the database sooner (a query of this transaction that reads challenges flushes it first),
     * and a code's start then writes its challenge, message and event in one flush at the commit.
     */
    @Override
    public void insert(OtpChallenge challenge) {
        jpa.run("insert a one-time code challenge", em -> {
            em.persist(OtpChallengeEntity.of(challenge));
            return null;
        });
    }

    /**
     * Writes what verifying and resending change through the row the lock read into this transaction: it goes
     * out with the transaction's next flush (a later query's or the commit's) rather than as a bulk UPDATE with a
     * flush of its own, one fewer round of EclipseLink's change tracking on every verify.
     */
    @Override
    public void update(OtpChallenge challenge) {
        jpa.run("update a one-time code challenge", em -> {
            OtpChallengeEntity row =
                    em.find(OtpChallengeEntity.class, challenge.id().hex());
            if (row != null) {
                row.changeTo(challenge);
            }
            return null;
        });
    }

    @Override
    public Optional<OtpChallenge> lock(StoreId store, TokenHash id) {
        return jpa.run("lock a one-time code challenge", em -> {
            TypedQuery<OtpChallengeEntity> query = store == null
                    ? em.createNamedQuery(OtpChallengeEntity.LOCK_WITHOUT_STORE, OtpChallengeEntity.class)
                    : em.createNamedQuery(OtpChallengeEntity.LOCK, OtpChallengeEntity.class)
                            .setParameter("store", store.value());
            return first(query.setParameter("id", id.hex()));
        });
    }

    /**
     * One statement on both databases ({@code ORDER BY … FETCH FIRST … FOR UPDATE}). On PostgreSQL, when
     * a concurrent transaction changes the newest row while this one waits for its lock, the row is
     * checked again and, no longer open, answers empty rather than the next older challenge. Native SQL:
     * EclipseLink's H2 platform writes the row limit after {@code FOR UPDATE}, which H2 refuses.
     */
    @Override
    public Optional<OtpChallenge> lockOpenAccountChallenge(OtpAction action, String email, Instant now) {
        return jpa.run(
                "lock the open account challenge",
                em -> first(em.createNativeQuery(
                                "SELECT " + OtpChallengeEntity.COLUMNS + " FROM otp_challenges WHERE action = ?"
                                        + " AND channel = ? AND destination = ? AND status = ? AND expires_at > ?"
                                        + NEWEST_LOCKED,
                                OtpChallengeEntity.class)
                        .setParameter(1, action.name())
                        .setParameter(2, OtpChannel.EMAIL.name())
                        .setParameter(3, email)
                        .setParameter(4, OtpChallenge.Status.OPEN.name())
                        .setParameter(5, utc(now))));
    }

    /**
     * Served by the index on (action, destination, status, last_sent_at); the newest wins as for activation.
     * Native SQL for the same reason as {@link #lockOpenAccountChallenge}.
     */
    @Override
    public Optional<OtpChallenge> lockNewestOpen(
            StoreId store, Destination destination, Set<OtpAction> actions, Instant now) {
        return jpa.run("lock the newest open challenge", em -> {
            Query query = em.createNativeQuery(
                    "SELECT " + OtpChallengeEntity.COLUMNS + " FROM otp_challenges WHERE action IN ("
                            + String.join(", ", Collections.nCopies(actions.size(), "?")) + ")"
                            + " AND store_id = ? AND channel = ? AND destination = ? AND status = ?"
                            + " AND expires_at > ?" + NEWEST_LOCKED,
                    OtpChallengeEntity.class);
            int position = 1;
            for (OtpAction action : actions) {
                query.setParameter(position++, action.name());
            }
            return first(query.setParameter(position++, store.value())
                    .setParameter(position++, destination.channel().name())
                    .setParameter(position++, destination.address())
                    .setParameter(position++, OtpChallenge.Status.OPEN.name())
                    .setParameter(position, utc(now)));
        });
    }

    /** JPQL cannot bound a DELETE (no LIMIT), so the ids are picked first, up to the limit, and deleted by id. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        return jpa.run("delete expired one-time code challenges", em -> {
            List<String> ids = em.createNamedQuery(OtpChallengeEntity.EXPIRED_BEFORE, String.class)
                    .setParameter("before", utc(before))
                    .setMaxResults(limit)
                    .getResultList();
            return ids.isEmpty()
                    ? 0
                    : em.createNamedQuery(OtpChallengeEntity.DELETE_EXPIRED)
                            .setParameter("ids", ids)
                            .setParameter("before", utc(before))
                            .executeUpdate();
        });
    }

    private static Optional<OtpChallenge> first(TypedQuery<OtpChallengeEntity> query) {
        return query.getResultStream().findFirst().map(OtpChallengeEntity::toOtpChallenge);
    }

    /** A native query's row, read afresh into the entity manager (the lock is the query's own). */
    private static Optional<OtpChallenge> first(Query query) {
        List<?> rows = query.setHint(QueryHints.REFRESH, HintValues.TRUE).getResultList();
        return rows.stream().findFirst().map(row -> ((OtpChallengeEntity) row).toOtpChallenge());
    }
}
