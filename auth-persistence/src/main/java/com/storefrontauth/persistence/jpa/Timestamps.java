package com.storefrontauth.persistence.jpa;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in {@code TIMESTAMP WITH TIME ZONE} columns, mapped as {@link OffsetDateTime} in UTC (JPA 3.1 maps
 * no {@link Instant}); null stays null. Both databases keep microseconds.
 */
final class Timestamps {

    private Timestamps() {}

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
