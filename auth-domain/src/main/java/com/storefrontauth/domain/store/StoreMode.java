package com.storefrontauth.domain.store;

import java.util.Locale;
import java.util.Optional;

/** Test stores may echo codes for debugging and use the dev outbox; live stores never do. */
public enum StoreMode {
    TEST,
    LIVE;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StoreMode> fromWire(String value) {
        for (StoreMode mode : values()) {
            if (mode.wireValue().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
