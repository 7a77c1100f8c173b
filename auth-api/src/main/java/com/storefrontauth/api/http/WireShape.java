package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.FieldErrors;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JSON types a request record accepts, checked member by member before binding. JSON-B alone would bind
 * {@code 123} into a string field and {@code "abc"} into a boolean as false; here each is refused by name.
 */
final class WireShape {

    private static final ClassValue<List<Member>> MEMBERS = new ClassValue<>() {
        @Override
        protected List<Member> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(Member::of).toList();
        }
    };

    private WireShape() {}

    static FieldErrors check(JsonObject body, Class<?> record) {
        FieldErrors errors = new FieldErrors();
        for (Member member : MEMBERS.get(record)) {
            JsonValue value = body.get(member.name());
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                member.problem(value).ifPresent(problem -> errors.add(member.name(), problem));
            }
        }
        return errors;
    }

    private enum Kind {
        TEXT,
        FLAG,
        DECIMAL
    }

    private record Member(String name, Kind kind) {

        static Member of(RecordComponent component) {
            Class<?> type = component.getType();
            Kind kind;
            if (type == String.class) {
                kind = Kind.TEXT;
            } else if (type == Boolean.class) {
                kind = Kind.FLAG;
            } else if (type == BigDecimal.class) {
                kind = Kind.DECIMAL;
            } else {
                throw new IllegalStateException(
                        "request record " + component.getDeclaringRecord().getName() + " has a " + type.getName()
                                + " member; use String, Boolean or BigDecimal");
            }
            return new Member(WireNames.of(component), kind);
        }

        Optional<String> problem(JsonValue value) {
            return switch (kind) {
                case TEXT ->
                    value instanceof JsonString text
                            ? StrictJson.textProblem(text.getString())
                            : Optional.of("must be a string");
                case FLAG ->
                    value.getValueType() == JsonValue.ValueType.TRUE
                                    || value.getValueType() == JsonValue.ValueType.FALSE
                            ? Optional.empty()
                            : Optional.of("must be true or false");
                case DECIMAL ->
                    value instanceof JsonNumber number && StrictJson.readableNumber(number)
                            ? Optional.empty()
                            : Optional.of("must be a number");
            };
        }
    }
}
