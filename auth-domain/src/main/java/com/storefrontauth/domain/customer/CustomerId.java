package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.shared.PublicId;
import java.util.Optional;

public record CustomerId(String value) {

    public static final String PREFIX = "cus_";

    public CustomerId {
        PublicId.require(value, PREFIX);
    }

    public static CustomerId generate() {
        return new CustomerId(PublicId.generate(PREFIX));
    }

    public static Optional<CustomerId> parse(String value) {
        return PublicId.isWellFormed(value, PREFIX) ? Optional.of(new CustomerId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
