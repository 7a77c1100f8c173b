package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.StoreId;

/** Ids taken from URLs: anything we could not have issued is simply not found. */
public final class PathIds {

    private PathIds() {}

    public static StoreId store(String value) {
        return StoreId.parse(value).orElseThrow(() -> DomainException.notFound("store"));
    }
}
