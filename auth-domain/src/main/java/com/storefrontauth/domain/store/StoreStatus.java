package com.storefrontauth.domain.store;

import java.util.Locale;
import java.util.Optional;

public enum StoreStatus {
    ACTIVE,
    SUSPENDED;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StoreStatus> fromWire(String value) {
        for (StoreStatus status : values()) {
            if (status.wireValue().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
