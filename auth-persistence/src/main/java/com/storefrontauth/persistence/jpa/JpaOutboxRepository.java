package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.delivery.OutboxMessage;
import com.storefrontauth.domain.delivery.OutboxMessage.Status;
import com.storefrontauth.domain.delivery.OutboxRepository;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The delivery outbox on JPA. Instances share it through leases: a pending message is claimed by a
 * conditional bulk UPDATE that only succeeds while the message is due and unleased, so of two instances
 * claiming the same message exactly one changes the row (the other waits for its lock, finds the lease, and
 * changes nothing): JPQL says it, no native SQL (and no SKIP LOCKED) needed. Once a message is done with
 * (delivered, dropped, superseded) its sealed text, code and HTML are erased in the statement that ends it,
 * unless the message is retained.
 */
@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

    @Inject
    Jpa jpa;

    protected JpaOutboxRepository() {
        // for CDI
    }

    public JpaOutboxRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    /**
     * Written with the transaction's next flush (a later query's or the commit's), as its challenge is: the sender
     * leases it only once the transaction has committed.
     */
    @Override
    public void insert(OutboxMessage message) {
        jpa.run("queue an outbox message", em -> {
            em.persist(OutboxMessageEntity.of(message));
            return null;
        });
    }

    /**
     * Picks the due messages, oldest due first, then claims each with a conditional UPDATE repeating the
     * pick's conditions; only the claimed ones are read back (under the row lock the claim took) and
     * answered. Call it in a unit of work, which holds those locks until it commits.
     */
    @Override
    public List<OutboxMessage> leaseDue(Instant now, Instant leaseUntil, int limit) {
        return jpa.run("lease due outbox messages", em -> {
            List<String> due = em.createNamedQuery(OutboxMessageEntity.DUE, String.class)
                    .setParameter("pending", Status.PENDING)
                    .setParameter("now", Timestamps.utc(now))
                    .setMaxResults(limit)
                    .getResultList();
            List<OutboxMessage> leased = new ArrayList<>();
            for (String id : due) {
                int claimed = em.createNamedQuery(OutboxMessageEntity.CLAIM)
                        .setParameter("leaseUntil", Timestamps.utc(leaseUntil))
                        .setParameter("id", id)
                        .setParameter("pending", Status.PENDING)
                        .setParameter("now", Timestamps.utc(now))
                        .executeUpdate();
                if (claimed == 1) {
                    em.createNamedQuery(OutboxMessageEntity.BY_ID, OutboxMessageEntity.class)
                            .setParameter("id", id)
                            .getResultStream()
                            .findFirst()
                            .map(OutboxMessageEntity::toOutboxMessage)
                            .ifPresent(leased::add);
                }
            }
            return leased;
        });
    }

    /**
     * One statement: a message's {@code retained} never changes after it is queued, so the leased copy picks
     * the erasing or the keeping one (which repeats the flag, so a stale copy would change nothing).
     */
    @Override
    public void markDelivered(OutboxMessage message, String transport, Instant at) {
        jpa.run(
                "mark an outbox message delivered",
                em -> em.createNamedQuery(
                                message.retained()
                                        ? OutboxMessageEntity.DELIVERED_KEEPING
                                        : OutboxMessageEntity.DELIVERED_ERASING)
                        .setParameter("delivered", Status.DELIVERED)
                        .setParameter("at", Timestamps.utc(at))
                        .setParameter("transport", Sql.clip(transport, 16))
                        .setParameter("id", message.id())
                        .executeUpdate());
    }

    /** Only a pending message is rescheduled: one superseded meanwhile stays superseded. */
    @Override
    public void reschedule(String id, int attempts, Instant nextAttemptAt, String error) {
        jpa.run(
                "reschedule an outbox message",
                em -> em.createNamedQuery(OutboxMessageEntity.RESCHEDULE)
                        .setParameter("attempts", attempts)
                        .setParameter("next", Timestamps.utc(nextAttemptAt))
                        .setParameter("error", Sql.clip(error, OutboxMessageEntity.MAX_ERROR_LENGTH))
                        .setParameter("id", id)
                        .setParameter("pending", Status.PENDING)
                        .executeUpdate());
    }

    /**
     * Only a pending message expires: one superseded or delivered meanwhile keeps that status. One statement,
     * chosen by the leased copy's {@code retained} as in {@link #markDelivered}.
     */
    @Override
    public void markExpired(OutboxMessage message, String error) {
        jpa.run(
                "mark an outbox message expired",
                em -> em.createNamedQuery(
                                message.retained()
                                        ? OutboxMessageEntity.EXPIRED_KEEPING
                                        : OutboxMessageEntity.EXPIRED_ERASING)
                        .setParameter("expired", Status.EXPIRED)
                        .setParameter("error", Sql.clip(error, OutboxMessageEntity.MAX_ERROR_LENGTH))
                        .setParameter("id", message.id())
                        .setParameter("pending", Status.PENDING)
                        .executeUpdate());
    }

    @Override
    public int supersedePending(TokenHash challenge) {
        return jpa.run(
                "supersede pending outbox messages",
                em -> bothKinds(
                        em,
                        OutboxMessageEntity.SUPERSEDE_KEEPING,
                        OutboxMessageEntity.SUPERSEDE_ERASING,
                        query -> query.setParameter("superseded", Status.SUPERSEDED)
                                .setParameter("challenge", challenge.hex())
                                .setParameter("pending", Status.PENDING)));
    }

    /** The retained messages' query, then the others' (which erases): how many rows both changed. */
    private static int bothKinds(EntityManager em, String keeping, String erasing, UnaryOperator<Query> parameters) {
        return parameters.apply(em.createNamedQuery(keeping)).executeUpdate()
                + parameters.apply(em.createNamedQuery(erasing)).executeUpdate();
    }

    /** A store's messages, newest first; a null store pages the messages of no store (merchant activation). */
    @Override
    public Page<OutboxMessage> page(StoreId store, PageRequest request) {
        return jpa.read("page outbox messages", em -> {
            if (store == null) {
                return PageQuery.page(
                        em.createNamedQuery(OutboxMessageEntity.COUNT_OF_NO_STORE, Long.class),
                        em.createNamedQuery(OutboxMessageEntity.PAGE_OF_NO_STORE, OutboxMessageEntity.class),
                        OutboxMessageEntity::toOutboxMessage,
                        request);
            }
            return PageQuery.page(
                    em.createNamedQuery(OutboxMessageEntity.COUNT_OF_STORE, Long.class)
                            .setParameter("store", store.value()),
                    em.createNamedQuery(OutboxMessageEntity.PAGE_OF_STORE, OutboxMessageEntity.class)
                            .setParameter("store", store.value()),
                    OutboxMessageEntity::toOutboxMessage,
                    request);
        });
    }

    /**
     * JPQL cannot bound a DELETE (no LIMIT), so the ids are picked first, up to the limit, and deleted by id;
     * the delete repeats the condition, so a message is never deleted while pending.
     */
    @Override
    public int deleteCreatedBefore(Instant before, int limit) {
        return jpa.run("delete old outbox messages", em -> {
            List<String> ids = em.createNamedQuery(OutboxMessageEntity.DONE_BEFORE, String.class)
                    .setParameter("before", Timestamps.utc(before))
                    .setParameter("pending", Status.PENDING)
                    .setMaxResults(limit)
                    .getResultList();
            return ids.isEmpty()
                    ? 0
                    : em.createNamedQuery(OutboxMessageEntity.DELETE_DONE)
                            .setParameter("ids", ids)
                            .setParameter("before", Timestamps.utc(before))
                            .setParameter("pending", Status.PENDING)
                            .executeUpdate();
        });
    }
}
