package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.FieldErrors;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request body read as a JSON object. Field accessors collect every problem; {@link #validate()}
 * then answers 400 {@code invalid_request} naming each bad field at once.
 */
public final class JsonRequest {

    private final JsonObject body;
    private final FieldErrors errors = new FieldErrors();

    private JsonRequest(JsonObject body) {
        this.body = body;
    }

    /** An empty body reads as {}: missing fields are then reported by name. */
    public static JsonRequest parse(String text) {
        return new JsonRequest(StrictJson.object(text));
    }

    /** A string member; absent or null is "is required" (a wrong type has its own error already). */
    public String requiredString(String name) {
        String value = optionalString(name);
        JsonValue given = body.get(name);
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(name, "is required");
        } else if (value != null && value.isBlank()) {
            errors.add(name, "must not be blank");
        }
        return value;
    }

    public String optionalString(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(name, "must be a string");
            return null;
        }
        Optional<String> problem = StrictJson.textProblem(string.getString());
        if (problem.isPresent()) {
            errors.add(name, problem.get());
            return null;
        }
        return string.getString();
    }

    /** A number member as a decimal; absent or null is null. Past 40 characters it is refused unread. */
    public BigDecimal optionalDecimal(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !StrictJson.readableNumber(number)) {
            errors.add(name, "must be a number");
            return null;
        }
        return number.bigDecimalValue();
    }

    /** A boolean member; absent or null is false. */
    public boolean optionalBoolean(String name) {
        JsonValue value = body.get(name);
        if (value == null
                || value.getValueType() == JsonValue.ValueType.NULL
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE) {
            errors.add(name, "must be true or false");
            return false;
        }
        return true;
    }

    /** Every member as Boolean, Long or String (the domain's view of JSON scalars); others are errors. */
    public Map<String, Object> scalars() {
        Map<String, Object> values = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            switch (value.getValueType()) {
                case TRUE -> values.put(name, Boolean.TRUE);
                case FALSE -> values.put(name, Boolean.FALSE);
                case STRING -> values.put(name, ((JsonString) value).getString());
                case NUMBER -> {
                    JsonNumber number = (JsonNumber) value;
                    if (number.isIntegral() && number.bigIntegerValue().bitLength() < 63) {
                        values.put(name, number.longValue());
                    } else {
                        values.put(name, number.toString());
                    }
                }
                default -> errors.add(name, "must be a string, number or boolean");
            }
        });
        return values;
    }

    public boolean has(String name) {
        return body.containsKey(name);
    }

    public FieldErrors errors() {
        return errors;
    }

    public void validate() {
        errors.throwIfAny();
    }
}
