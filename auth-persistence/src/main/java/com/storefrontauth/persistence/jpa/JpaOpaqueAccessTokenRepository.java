package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.session.OpaqueAccessTokenRepository;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.shared.TokenHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Opaque access tokens by hash on JPA; the session's own row says whether one still acts. */
@ApplicationScoped
public class JpaOpaqueAccessTokenRepository implements OpaqueAccessTokenRepository {

    @Inject
    Jpa jpa;

    protected JpaOpaqueAccessTokenRepository() {
        // for CDI
    }

    public JpaOpaqueAccessTokenRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(TokenHash token, SessionId session) {
        jpa.run("insert an opaque access token", em -> {
            em.persist(OpaqueAccessTokenEntity.of(token, session));
            em.flush();
            return null;
        });
    }

    @Override
    public Optional<SessionId> findSession(TokenHash token) {
        return jpa.read(
                "find an opaque access token",
                em -> em.createQuery(
                                "SELECT t FROM OpaqueAccessTokenEntity t WHERE t.tokenHash = :hash",
                                OpaqueAccessTokenEntity.class)
                        .setParameter("hash", token.hex())
                        .getResultStream()
                        .findFirst()
                        .map(OpaqueAccessTokenEntity::session));
    }
}
