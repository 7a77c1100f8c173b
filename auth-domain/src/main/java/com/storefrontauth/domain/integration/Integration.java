package com.storefrontauth.domain.integration;

import com.storefrontauth.domain.store.StoreId;
import java.util.List;

/**
 * What a storefront needs to connect to a store: its id, its newest active publishable key (null when it has
 * none; a secret key is never part of this), the origins browsers may call from, and snippets filled in
 * with all of it.
 */
public record Integration(StoreId store, String publishableKey, List<String> origins, List<Snippet> snippets) {

    public Integration {
        origins = List.copyOf(origins);
        snippets = List.copyOf(snippets);
    }
}
