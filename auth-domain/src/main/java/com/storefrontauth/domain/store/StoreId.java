package com.storefrontauth.domain.store;

import com.storefrontauth.domain.shared.PublicId;
import java.util.Optional;

public record StoreId(String value) {

    public static final String PREFIX = "st_";

    public StoreId {
        PublicId.require(value, PREFIX);
    }

    public static StoreId generate() {
        return new StoreId(PublicId.generate(PREFIX));
    }

    /** A store id from a URL; empty for anything we could not have issued. */
    public static Optional<StoreId> parse(String value) {
        return PublicId.isWellFormed(value, PREFIX) ? Optional.of(new StoreId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
