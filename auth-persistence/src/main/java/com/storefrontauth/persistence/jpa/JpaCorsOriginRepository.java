package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.CorsOriginRepository;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A store's CORS allow-list on JPA. */
@ApplicationScoped
public class JpaCorsOriginRepository implements CorsOriginRepository {

    @Inject
    Jpa jpa;

    protected JpaCorsOriginRepository() {
        // for CDI
    }

    public JpaCorsOriginRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(CorsOrigin origin) {
        jpa.run("insert a CORS origin", em -> {
            em.persist(CorsOriginEntity.of(origin));
            em.flush();
            return null;
        });
    }

    @Override
    public List<CorsOrigin> list(StoreId store) {
        return jpa.read(
                "list CORS origins",
                em -> em.createQuery(
                                "SELECT o FROM CorsOriginEntity o WHERE o.storeId = :store ORDER BY o.createdAt, o.id",
                                CorsOriginEntity.class)
                        .setParameter("store", store.value())
                        .getResultStream()
                        .map(CorsOriginEntity::toCorsOrigin)
                        .toList());
    }

    @Override
    public boolean delete(StoreId store, String originId) {
        return jpa.run(
                        "delete a CORS origin",
                        em -> em.createQuery("DELETE FROM CorsOriginEntity o WHERE o.id = :id AND o.storeId = :store")
                                .setParameter("id", originId)
                                .setParameter("store", store.value())
                                .executeUpdate())
                > 0;
    }
}
