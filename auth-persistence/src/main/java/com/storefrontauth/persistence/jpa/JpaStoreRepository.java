package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Stores on JPA; an update goes through the managed entity, so a read later in the transaction sees it. */
@ApplicationScoped
public class JpaStoreRepository implements StoreRepository {

    @Inject
    Jpa jpa;

    protected JpaStoreRepository() {
        // for CDI
    }

    public JpaStoreRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(Store store) {
        jpa.run("insert a store", em -> {
            em.persist(StoreEntity.of(store));
            em.flush();
            return null;
        });
    }

    @Override
    public void update(Store store) {
        boolean found = jpa.run("update a store", em -> {
            StoreEntity row = em.find(StoreEntity.class, store.id().value());
            if (row == null) {
                return false;
            }
            row.apply(store);
            em.flush();
            return true;
        });
        if (!found) {
            throw DomainException.notFound("Store");
        }
    }

    @Override
    public Optional<Store> find(StoreId id) {
        return jpa.read(
                "find a store",
                em -> Optional.ofNullable(em.find(StoreEntity.class, id.value(), Jpa.readOnly(em)))
                        .map(StoreEntity::toStore));
    }

    @Override
    public List<Store> findAll() {
        return jpa.read(
                "list stores",
                em -> em.createQuery("SELECT s FROM StoreEntity s ORDER BY s.createdAt, s.id", StoreEntity.class)
                        .getResultStream()
                        .map(StoreEntity::toStore)
                        .toList());
    }

    @Override
    public List<Store> findByMember(AccountId member) {
        return jpa.read(
                "list a member's stores",
                em -> em.createQuery(
                                "SELECT s FROM StoreEntity s, MembershipEntity m WHERE m.storeId = s.id"
                                        + " AND m.accountId = :member ORDER BY s.createdAt, s.id",
                                StoreEntity.class)
                        .setParameter("member", member.value())
                        .getResultStream()
                        .map(StoreEntity::toStore)
                        .toList());
    }
}
