package com.storefrontauth.persistence.jpa;

import com.storefrontauth.persistence.DataAccessException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in {@code TIMESTAMP WITH TIME ZONE} columns, mapped as {@link OffsetDateTime} in UTC (JPA 3.1 maps
 * no {@link Instant}); null stays null. Both databases keep microseconds.
 */
final class Timestamps {

    /*
     * A caller's bound may lie beyond what a column can hold (an audit filter's "since=-999999999-01-01T00:00:00Z"):
     * EclipseLink binds through epoch milliseconds, which overflow, and PostgreSQL stores 4713 BC to 294276 AD
     * only. Every stored time lies within years 1 to 9999, so a bound outside them compares as the range's end.
     */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {}

    static OffsetDateTime utc(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant bounded = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        return OffsetDateTime.ofInstant(bounded, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** A time column read by a native query: the driver gives an {@link OffsetDateTime} (H2) or a {@link Timestamp}. */
    static Instant column(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        throw new DataAccessException(
                "A time column came as " + value.getClass().getName(), null);
    }
}
