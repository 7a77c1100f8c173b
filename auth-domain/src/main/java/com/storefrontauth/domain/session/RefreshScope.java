package com.storefrontauth.domain.session;

import com.storefrontauth.domain.store.StoreId;

/**
 * Where a refresh token is presented: a store's storefront route, or the merchant account route.
 * A token presented in the wrong place is simply unknown there, and is not treated as reuse.
 */
public record RefreshScope(StoreId store) {

    public static RefreshScope storefront(StoreId store) {
        return new RefreshScope(store);
    }

    public static RefreshScope management() {
        return new RefreshScope(null);
    }
}
