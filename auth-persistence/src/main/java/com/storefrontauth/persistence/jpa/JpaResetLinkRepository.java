package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.customer.ResetLink;
import com.storefrontauth.domain.customer.ResetLinkRepository;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Password-reset links by the SHA-256 of their token on JPA; spending one is a conditional update. */
@ApplicationScoped
public class JpaResetLinkRepository implements ResetLinkRepository {

    @Inject
    Jpa jpa;

    protected JpaResetLinkRepository() {
        // for CDI
    }

    public JpaResetLinkRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(ResetLink link) {
        jpa.run("insert a password-reset link", em -> {
            em.persist(ResetLinkEntity.of(link));
            em.flush();
            return null;
        });
    }

    /** A bulk update, not a read then a write: the database lets exactly one of two concurrent uses change it. */
    @Override
    public Optional<ResetLink> spend(TokenHash id, StoreId store, Instant now) {
        OffsetDateTime at = Timestamps.utc(now);
        return jpa.run("spend a password-reset link", em -> {
            int spent = em.createQuery("UPDATE ResetLinkEntity l SET l.usedAt = :now WHERE l.idHash = :id"
                            + " AND l.storeId = :store AND l.usedAt IS NULL AND l.expiresAt > :now")
                    .setParameter("now", at)
                    .setParameter("id", id.hex())
                    .setParameter("store", store.value())
                    .executeUpdate();
            if (spent == 0) {
                return Optional.<ResetLink>empty();
            }
            // the link's fields never change after the insert: a copy already in the entity manager is current
            return Optional.ofNullable(em.find(ResetLinkEntity.class, id.hex())).map(ResetLinkEntity::toResetLink);
        });
    }

    /** JPQL cannot bound a DELETE (no LIMIT), so the ids are picked first, up to the limit, and deleted by id. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        return jpa.run("delete expired password-reset links", em -> {
            List<String> ids = em.createNamedQuery(ResetLinkEntity.EXPIRED_BEFORE, String.class)
                    .setParameter("before", Timestamps.utc(before))
                    .setMaxResults(limit)
                    .getResultList();
            return ids.isEmpty()
                    ? 0
                    : em.createNamedQuery(ResetLinkEntity.DELETE_EXPIRED)
                            .setParameter("ids", ids)
                            .setParameter("before", Timestamps.utc(before))
                            .executeUpdate();
        });
    }
}
