package com.storefrontauth.api.security;

import com.storefrontauth.api.jwt.AccessTokenVerifier;
import com.storefrontauth.api.jwt.VerifiedToken;
import com.storefrontauth.domain.customer.GuestLink;
import com.storefrontauth.domain.session.ActiveSessions;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionRevocations;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Access tokens presented on a store's storefront routes: ours, issued for this very store (both
 * {@code aud} and {@code store_id}), of the expected kind, and of a session that has not been revoked.
 * The revocation check is served from memory; only callers that need the session itself load it.
 */
@ApplicationScoped
public class StorefrontTokens {

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    SessionRevocations revocations;

    @Inject
    ActiveSessions sessions;

    public Optional<VerifiedToken> authenticate(String bearer, StoreId store, SubjectKind kind) {
        return verifier.verify(bearer)
                .filter(token -> isFor(token, store) && token.hasGroup(kind.group()))
                .filter(token -> !revocations.isRevoked(token.sessionId()));
    }

    /** The still-active session behind a token (one query), for callers that act on the session. */
    public Optional<Session> activeSession(String bearer, StoreId store, SubjectKind kind) {
        return authenticate(bearer, store, kind)
                .flatMap(token -> sessions.find(store, token.sessionId())
                        .filter(session -> session.kind() == kind
                                && session.subject().equals(token.subject())));
    }

    private static boolean isFor(VerifiedToken token, StoreId store) {
        return store.value().equals(token.storeId()) && token.audience().contains(store.value());
    }

    /** The guest behind an {@code Authorization} header, if it carries a live guest token of the store (cart merge). */
    public GuestLink guestOf(String authorization, StoreId store) {
        return BearerToken.from(authorization)
                .flatMap(bearer -> activeSession(bearer, store, SubjectKind.GUEST))
                .map(session -> new GuestLink(session.subject()))
                .orElse(GuestLink.NONE);
    }
}
