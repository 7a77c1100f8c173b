package com.storefrontauth.api.security;

import com.storefrontauth.api.jwt.AccessTokenVerifier;
import com.storefrontauth.api.jwt.VerifiedToken;
import com.storefrontauth.domain.session.ActiveSessions;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Access tokens presented on a store's storefront routes: ours, issued for this very store (both
 * {@code aud} and {@code store_id}), of the expected kind, and of a session that is still active.
 */
@ApplicationScoped
public class StorefrontTokens {

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    ActiveSessions sessions;

    public Optional<Session> activeSession(String bearer, StoreId store, SubjectKind kind) {
        return verifier.verify(bearer)
                .filter(token -> isFor(token, store) && token.hasGroup(kind.group()))
                .flatMap(token -> sessions.find(token.sessionId())
                        .filter(session -> session.belongsTo(store) && session.kind() == kind
                                && session.subject().equals(token.subject())));
    }

    private static boolean isFor(VerifiedToken token, StoreId store) {
        return store.value().equals(token.storeId()) && token.audience().contains(store.value());
    }
}
