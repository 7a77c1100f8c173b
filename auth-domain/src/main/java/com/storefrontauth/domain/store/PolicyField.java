package com.storefrontauth.domain.store;

import com.storefrontauth.domain.platform.PlatformLimits;
import java.util.Optional;
import java.util.Set;

/** One field of the login policy: its wire name, type, default and allowed values (min/max for numbers). */
public record PolicyField(String name, Kind kind, Object defaultValue, long min, long max, Set<String> choices) {

    public enum Kind {
        FLAG,
        NUMBER,
        CHOICE,
        COUNTRY_CODE
    }

    static PolicyField flag(String name, boolean defaultValue) {
        return new PolicyField(name, Kind.FLAG, defaultValue, 0, 0, Set.of());
    }

    static PolicyField number(String name, long defaultValue, long min, long max) {
        return new PolicyField(name, Kind.NUMBER, defaultValue, min, max, Set.of());
    }

    static PolicyField choice(String name, String defaultValue, Set<String> choices) {
        return new PolicyField(name, Kind.CHOICE, defaultValue, 0, 0, choices);
    }

    static PolicyField countryCode(String name, String defaultValue) {
        return new PolicyField(name, Kind.COUNTRY_CODE, defaultValue, 0, 0, Set.of());
    }

    /** The value in its canonical type, or an explanation of why it is not acceptable. */
    Result accept(Object value) {
        return switch (kind) {
            case FLAG -> value instanceof Boolean b ? Result.ok(b) : Result.error("must be true or false");
            case NUMBER -> acceptNumber(value);
            case CHOICE ->
                value instanceof String s && choices.contains(s)
                        ? Result.ok(s)
                        : Result.error("must be one of "
                                + String.join(", ", choices.stream().sorted().toList()));
            case COUNTRY_CODE ->
                value instanceof String s && s.matches("\\+[1-9][0-9]{0,2}")
                        ? Result.ok(s)
                        : Result.error("must be a calling code such as +91");
        };
    }

    private Result acceptNumber(Object value) {
        if (!(value instanceof Long number)) {
            return Result.error("must be a whole number from " + min + " to " + max);
        }
        if (number < min || number > max) {
            return Result.error("must be between " + min + " and " + max);
        }
        return Result.ok(number);
    }

    record Result(Object value, String error) {
        static Result ok(Object value) {
            return new Result(value, null);
        }

        static Result error(String error) {
            return new Result(null, error);
        }

        Optional<String> failure() {
            return Optional.ofNullable(error);
        }

        /** This result, or the platform's refusal of an accepted number. */
        Result within(String name, PlatformLimits limits) {
            if (value instanceof Long number) {
                return limits.refusal(name, number).map(Result::error).orElse(this);
            }
            return this;
        }
    }
}
