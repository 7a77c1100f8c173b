package com.storefrontauth.domain.customer;

import java.util.Locale;
import java.util.Optional;

public enum CustomerStatus {
    ACTIVE,
    DISABLED;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CustomerStatus> fromWire(String value) {
        for (CustomerStatus status : values()) {
            if (status.wireValue().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
