package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.persistence.DataAccessException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON documents kept in text columns (a store's login policy, an audit event's details), written and
 * read with JSON-P. Values are strings, booleans and whole numbers, which come back as String, Boolean
 * and Long.
 */
public final class JsonColumns {

    private JsonColumns() {}

    public static String write(Map<String, ?> values) {
        JsonObjectBuilder object = provider().createObjectBuilder();
        values.forEach((name, value) -> {
            if (value == null) {
                object.addNull(name);
            } else if (value instanceof Boolean flag) {
                object.add(name, flag);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                object.add(name, ((Number) value).longValue());
            } else if (value instanceof String text) {
                object.add(name, text);
            } else {
                throw new IllegalArgumentException(
                        "cannot store " + value.getClass().getName() + " in JSON field " + name);
            }
        });
        return object.build().toString();
    }

    /** Booleans, whole numbers (as Long) and strings; other values are left out. */
    public static Map<String, Object> read(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        parse(json).forEach((name, value) -> {
            switch (value.getValueType()) {
                case TRUE -> values.put(name, Boolean.TRUE);
                case FALSE -> values.put(name, Boolean.FALSE);
                case STRING -> values.put(name, ((JsonString) value).getString());
                case NUMBER -> {
                    JsonNumber number = (JsonNumber) value;
                    if (number.isIntegral()) {
                        values.put(name, number.longValue());
                    }
                }
                default -> {
                    // null, arrays and objects have no place in these documents
                }
            }
        });
        return values;
    }

    /** Every value as text. */
    public static Map<String, String> readStrings(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        parse(json).forEach((name, value) -> {
            if (value.getValueType() == JsonValue.ValueType.STRING) {
                values.put(name, ((JsonString) value).getString());
            } else if (value.getValueType() != JsonValue.ValueType.NULL) {
                values.put(name, value.toString());
            }
        });
        return values;
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = provider().createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
            throw new DataAccessException("A stored JSON document is not a JSON object", e);
        }
    }

    private static JsonProvider provider() {
        return Provider.INSTANCE;
    }

    /** Looked up once: {@code Json.create…} would search the service loader on every call. */
    private static final class Provider {
        static final JsonProvider INSTANCE = JsonProvider.provider();
    }
}
