package com.storefrontauth.domain.cors;

import com.storefrontauth.domain.shared.PublicId;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;

/** One entry of a store's CORS allow-list. */
public record CorsOrigin(String id, StoreId store, OriginPattern origin, Instant createdAt) {

    public static final String ID_PREFIX = "org_";

    public static CorsOrigin allow(StoreId store, OriginPattern origin, Instant now) {
        return new CorsOrigin(PublicId.generate(ID_PREFIX), store, origin, now);
    }
}
