package com.storefrontauth.domain.access;

import com.storefrontauth.domain.apikey.ApiKeyService;
import com.storefrontauth.domain.cors.OriginPattern;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreDirectory;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Admits a request to a store's storefront API (API.md): the store must exist, the publishable key
 * must be an active key of that store, a browser origin must be on its allow-list, and the store
 * must not be suspended. Stores and allow-lists come from the {@link StoreDirectory}; the key is
 * checked against the database on every request.
 */
@ApplicationScoped
public class StorefrontGate {

    @Inject
    StoreDirectory directory;

    @Inject
    ApiKeyService keys;

    /**
     * A request's browser origin (none when it sent no {@code Origin}) judged against the store's
     * allow-list once per request: admission and the CORS answer both use this verdict.
     */
    public static final class CheckedOrigin {

        private final String value;
        private final boolean allowed;

        private CheckedOrigin(String value, boolean allowed) {
            this.value = value;
            this.allowed = allowed;
        }

        /** The origin, if it was sent and is allowed for the store (for CORS headers). */
        public Optional<String> allowed() {
            return allowed ? Optional.of(value) : Optional.empty();
        }

        boolean refuses() {
            return value != null && !allowed;
        }
    }

    public CheckedOrigin checkOrigin(String storeId, String origin) {
        return new CheckedOrigin(origin, origin != null && allowsOrigin(storeId, origin));
    }

    public Store admit(String storeId, String publishableKey, CheckedOrigin origin) {
        Store store =
                StoreId.parse(storeId).flatMap(directory::find).orElseThrow(() -> DomainException.notFound("store"));
        if (publishableKey == null || publishableKey.isBlank()) {
            throw new DomainException(
                    ErrorCode.MISSING_API_KEY, "Send the store's publishable key in X-Storefront-Api-Key.");
        }
        if (!keys.isPublishableKeyOf(store.id(), publishableKey)) {
            throw new DomainException(
                    ErrorCode.INVALID_API_KEY, "The API key is not an active publishable key of this store.");
        }
        return admitted(store, origin);
    }

    /**
     * Admits a request to a store's routes that authenticate by an access token alone (no key):
     * the store must exist, a browser origin must be on its allow-list, and the store must not be suspended.
     */
    public Store admitWithoutKey(String storeId, CheckedOrigin origin) {
        return admitted(
                StoreId.parse(storeId).flatMap(directory::find).orElseThrow(() -> DomainException.notFound("store")),
                origin);
    }

    private Store admitted(Store store, CheckedOrigin origin) {
        if (origin.refuses()) {
            throw new DomainException(ErrorCode.ORIGIN_NOT_ALLOWED, "This origin is not allowed for the store.");
        }
        if (store.isSuspended()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "This store is suspended.");
        }
        return store;
    }

    /** For a CORS preflight, which carries no key: whether the origin is allowed for the store. */
    public boolean allowsOrigin(String storeId, String origin) {
        return StoreId.parse(storeId)
                .filter(id -> directory.find(id).isPresent())
                .map(id -> allows(id, origin))
                .orElse(false);
    }

    private boolean allows(StoreId store, String requestOrigin) {
        return OriginPattern.parseRequestOrigin(requestOrigin)
                .map(origin -> directory.origins(store).stream()
                        .anyMatch(entry -> entry.origin().matches(origin)))
                .orElse(false);
    }
}
