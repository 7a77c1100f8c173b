package com.storefrontauth.domain.apikey;

import java.util.Locale;
import java.util.Optional;

/** Publishable keys identify a storefront in browsers; secret keys act for the store server-side. */
public enum ApiKeyType {
    PUBLISHABLE("pk_"),
    SECRET("sk_");

    private final String prefix;

    ApiKeyType(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApiKeyType> fromWire(String value) {
        for (ApiKeyType type : values()) {
            if (type.wireValue().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
