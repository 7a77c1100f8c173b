package com.storefrontauth.domain.platform;

import com.storefrontauth.domain.shared.FieldErrors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What no store may pass, set by the platform admin: ceilings and floors over the login policy fields
 * that cost the platform money or let a store flood others (IP rate, codes per hour, resend cooldown,
 * attempts per code, code length), each store's daily codes per channel, and codes per destination per
 * hour counted across every store; and how long the audit log is kept. A merchant's policy beyond a limit
 * is refused when set and clamped when read ({@link #clamp}): lowering a limit rewrites no store. The
 * platform admin may grant one store more (see {@code LoginPolicy#grant}).
 */
public final class PlatformLimits {

    /** One setting: its wire name, default and allowed range; {@code policyField} is the store field it bounds. */
    public record Field(String name, long defaultValue, long min, long max, String policyField, Bound bound) {}

    /** Whether a store's value may not exceed the setting, or may not fall below it. */
    public enum Bound {
        CEILING,
        FLOOR,
        NONE
    }

    private static final long MANY = 100_000_000L;
    /** How long audit events are kept, in days; not a limit over stores, but the platform's to set like one. */
    public static final String AUDIT_RETENTION_DAYS = "audit_retention_days";

    static final List<Field> FIELDS = List.of(
            new Field("max_ip_rate_limit_per_minute", 600, 1, 100_000, "ip_rate_limit_per_minute", Bound.CEILING),
            new Field("max_otp_max_sends_per_hour", 10, 1, 1000, "otp_max_sends_per_hour", Bound.CEILING),
            new Field("min_otp_resend_cooldown_seconds", 30, 0, 3600, "otp_resend_cooldown_seconds", Bound.FLOOR),
            new Field("max_otp_max_attempts", 10, 1, 20, "otp_max_attempts", Bound.CEILING),
            new Field("min_otp_length", 6, 4, 10, "otp_length", Bound.FLOOR),
            new Field("store_daily_email_codes", 10_000, 0, MANY, null, Bound.NONE),
            new Field("store_daily_sms_codes", 1000, 0, MANY, null, Bound.NONE),
            new Field("store_daily_whatsapp_codes", 1000, 0, MANY, null, Bound.NONE),
            new Field("destination_codes_per_hour", 10, 1, 1000, null, Bound.NONE),
            new Field(PlatformLimits.AUDIT_RETENTION_DAYS, 90, 1, 3650, null, Bound.NONE));

    private static final PlatformLimits DEFAULTS = restore(Map.of());

    private final Map<String, Long> values;

    private PlatformLimits(Map<String, Long> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static List<Field> fields() {
        return FIELDS;
    }

    public static PlatformLimits defaults() {
        return DEFAULTS;
    }

    /** Rebuilds stored settings (text values); missing or unreadable ones take their defaults. */
    public static PlatformLimits restore(Map<String, String> stored) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            long value = field.defaultValue();
            String text = stored.get(field.name());
            if (text != null) {
                try {
                    long parsed = Long.parseLong(text);
                    value = parsed >= field.min() && parsed <= field.max() ? parsed : value;
                } catch (NumberFormatException e) {
                    // a hand-edited row: the default holds, as for a missing one
                }
            }
            values.put(field.name(), value);
        }
        return new PlatformLimits(values);
    }

    /** These limits with the given fields replaced; every unknown, mistyped or out-of-range field is reported. */
    public PlatformLimits amend(Map<String, Object> changes) {
        FieldErrors errors = new FieldErrors();
        Map<String, Long> amended = new LinkedHashMap<>(values);
        changes.forEach((name, value) -> {
            Optional<Field> field =
                    FIELDS.stream().filter(f -> f.name().equals(name)).findFirst();
            if (field.isEmpty()) {
                errors.add(name, "is not a platform setting");
            } else if (!(value instanceof Long number)
                    || number < field.get().min()
                    || number > field.get().max()) {
                errors.add(
                        name,
                        "must be a whole number from " + field.get().min() + " to "
                                + field.get().max());
            } else {
                amended.put(name, number);
            }
        });
        errors.throwIfAny();
        return new PlatformLimits(amended);
    }

    /** Every setting in a fixed order, for the wire and for storage. */
    public Map<String, Long> asMap() {
        return values;
    }

    public long number(String name) {
        return values.get(name);
    }

    /**
     * Why a store may not set {@code policyField} to {@code value}, naming the platform limit; empty when it
     * may (or when no limit bounds that field).
     */
    public Optional<String> refusal(String policyField, long value) {
        return bounding(policyField).flatMap(field -> {
            long limit = values.get(field.name());
            if (field.bound() == Bound.CEILING && value > limit) {
                return Optional.of("must be at most " + limit + " (the platform limit " + field.name() + ")");
            }
            if (field.bound() == Bound.FLOOR && value < limit) {
                return Optional.of("must be at least " + limit + " (the platform limit " + field.name() + ")");
            }
            return Optional.empty();
        });
    }

    /** The value a store's {@code policyField} takes effect with: its own, brought inside the platform limit. */
    public long clamp(String policyField, long value) {
        return bounding(policyField)
                .map(field -> field.bound() == Bound.CEILING
                        ? Math.min(value, values.get(field.name()))
                        : Math.max(value, values.get(field.name())))
                .orElse(value);
    }

    /** How many codes one store may send by {@code channel} (its wire name) per day. */
    public long storeDailyCodes(String channel) {
        return values.get("store_daily_" + channel + "_codes");
    }

    /** How many codes one email or phone may receive per hour, all stores together. */
    public long destinationCodesPerHour() {
        return values.get("destination_codes_per_hour");
    }

    /** How many days audit events are kept before the housekeeping forgets them. */
    public long auditRetentionDays() {
        return values.get(AUDIT_RETENTION_DAYS);
    }

    private static Optional<Field> bounding(String policyField) {
        return FIELDS.stream()
                .filter(field -> policyField.equals(field.policyField()))
                .findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlatformLimits limits && limits.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
