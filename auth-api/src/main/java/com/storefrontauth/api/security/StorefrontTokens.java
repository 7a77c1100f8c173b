package com.storefrontauth.api.security;

import com.storefrontauth.api.jwt.VerifiedToken;
import com.storefrontauth.domain.customer.GuestLink;
import com.storefrontauth.domain.session.ActiveSessions;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionRevocations;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The access token presented on a store's storefront route, resolved once per request and handed to
 * every filter and resource that asks: ours (verified by MP-JWT), issued for this very store (both
 * {@code aud} and {@code store_id}), of the expected kind, and of a session that has not been revoked.
 * The revocation check is served from memory; the session itself is loaded at most once, and only by
 * callers that act on it.
 */
@RequestScoped
public class StorefrontTokens {

    @Inject
    PresentedToken presented;

    @Inject
    SessionRevocations revocations;

    @Inject
    ActiveSessions sessions;

    private Boolean revoked;
    private Optional<Session> session;

    public Optional<VerifiedToken> authenticate(StoreId store, SubjectKind kind) {
        return presented
                .verified()
                .filter(token -> isFor(token, store) && token.hasGroup(kind.group()))
                .filter(token -> !isRevoked(token));
    }

    /** The still-active session behind the token (one query per request), for callers that act on the session. */
    public Optional<Session> activeSession(StoreId store, SubjectKind kind) {
        return authenticate(store, kind)
                .flatMap(token -> session(store, token)
                        .filter(found -> found.kind() == kind && found.subject().equals(token.subject())));
    }

    /** The guest of a live guest token of the store (cart merge), looked up only when a sign-in succeeds. */
    public GuestLink guestOf(StoreId store) {
        return GuestLink.resolvedWhenUsed(
                () -> activeSession(store, SubjectKind.GUEST).map(Session::subject));
    }

    private boolean isRevoked(VerifiedToken token) {
        if (revoked == null) {
            revoked = revocations.isRevoked(token.sessionId());
        }
        return revoked;
    }

    /** Tenant scope in the finder: a session of another store is not found. */
    private Optional<Session> session(StoreId store, VerifiedToken token) {
        if (session == null) {
            session = sessions.find(store, token.sessionId());
        }
        return session;
    }

    private static boolean isFor(VerifiedToken token, StoreId store) {
        return store.value().equals(token.storeId()) && token.audience().contains(store.value());
    }
}
