package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.FieldErrors;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body read as a JSON object. Field accessors collect every problem; {@link #validate()}
 * then answers 400 {@code invalid_request} naming each bad field at once.
 */
public final class JsonRequest {

    private static final int MAX_STRING = 10_000;
    /**
     * A repeated member is refused: parsers disagree on which one wins, so a proxy could check another.
     * Parsson's parser honours only its own key for this, not JSON-P's key strategy.
     */
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    private final JsonObject body;
    private final FieldErrors errors = new FieldErrors();

    private JsonRequest(JsonObject body) {
        this.body = body;
    }

    /** An empty body reads as {}: missing fields are then reported by name. */
    public static JsonRequest parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonRequest(JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonValue value;
        boolean trailing;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            trailing = parser.hasNext();
        } catch (RuntimeException e) {
            // Parsson throws a bare RuntimeException past its nesting limit (1000), JsonException otherwise
            throw invalidJson("The body is not valid JSON.");
        }
        if (trailing) {
            throw invalidJson("The body is not valid JSON.");
        }
        if (!(value instanceof JsonObject object)) {
            throw invalidJson("The body must be a JSON object.");
        }
        return new JsonRequest(object);
    }

    private static DomainException invalidJson(String detail) {
        return new DomainException(ErrorCode.INVALID_JSON, detail);
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
        if (string.getString().length() > MAX_STRING) {
            errors.add(name, "is too long");
            return null;
        }
        if (string.getString().indexOf('\0') >= 0) {
            errors.add(name, "must not contain NUL characters");
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
        if (!(value instanceof JsonNumber number) || number.toString().length() > 40) {
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
