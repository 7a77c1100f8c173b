package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * What every request body must be before any field is read: exactly one JSON object, no member named twice,
 * and the limits every string and number member obeys. Bound bodies and hand-read ones go through the same rules.
 */
public final class StrictJson {

    private static final int MAX_STRING = 10_000;
    private static final int MAX_NUMBER_CHARS = 40;
    /**
     * A repeated member is refused: parsers disagree on which one wins, so a proxy could check another.
     * Parsson's parser honours only its own key for this, not JSON-P's key strategy.
     */
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    private StrictJson() {}

    /** The body as an object; an empty body reads as {} so that missing fields are reported by name. */
    public static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
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
        return object;
    }

    /** Why a string member is refused whatever its field: too long to be anything we store, or holding NUL. */
    public static Optional<String> textProblem(String value) {
        if (value.length() > MAX_STRING) {
            return Optional.of("is too long");
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of("must not contain NUL characters");
        }
        return Optional.empty();
    }

    /** Numbers past 40 characters are refused unread (a 10,000-digit exponent costs to convert). */
    public static boolean readableNumber(JsonNumber number) {
        return number.toString().length() <= MAX_NUMBER_CHARS;
    }

    private static DomainException invalidJson(String detail) {
        return new DomainException(ErrorCode.INVALID_JSON, detail);
    }
}
