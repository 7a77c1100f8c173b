package com.storefrontauth.domain.access;

import com.storefrontauth.domain.apikey.ApiKeyService;
import com.storefrontauth.domain.cors.CorsPolicy;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.UnitOfWork;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Admits a request to a store's storefront API (API.md): the store must exist, the publishable key
 * must be an active key of that store, a browser origin must be on its allow-list, and the store
 * must not be suspended.
 */
@ApplicationScoped
@UnitOfWork
public class StorefrontGate {

    @Inject
    StoreRepository stores;

    @Inject
    ApiKeyService keys;

    @Inject
    CorsPolicy cors;

    public Store admit(String storeId, String publishableKey, String origin) {
        Store store = StoreId.parse(storeId).flatMap(stores::find)
                .orElseThrow(() -> DomainException.notFound("store"));
        if (publishableKey == null || publishableKey.isBlank()) {
            throw new DomainException(ErrorCode.MISSING_API_KEY, "Send the store's publishable key in X-Storefront-Api-Key.");
        }
        if (!keys.isPublishableKeyOf(store.id(), publishableKey)) {
            throw new DomainException(ErrorCode.INVALID_API_KEY, "The API key is not an active publishable key of this store.");
        }
        if (origin != null && !cors.allows(store.id(), origin)) {
            throw new DomainException(ErrorCode.ORIGIN_NOT_ALLOWED, "This origin is not allowed for the store.");
        }
        if (store.isSuspended()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "This store is suspended.");
        }
        return store;
    }

    /** For a CORS preflight, which carries no key: whether the origin is allowed for the store. */
    public boolean allowsOrigin(String storeId, String origin) {
        return StoreId.parse(storeId).flatMap(stores::find)
                .map(store -> cors.allows(store.id(), origin))
                .orElse(false);
    }
}
