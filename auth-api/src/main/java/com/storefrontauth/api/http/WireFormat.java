package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.shared.Page;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** The pieces every JSON shape of API.md is built from: times, nulls, lists and pages. */
public final class WireFormat {

    private WireFormat() {}

    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static <T> JsonObject page(Page<T> page, Function<T, JsonObject> item) {
        return JSON.createObjectBuilder()
                .add("items", list(page.items(), item))
                .add("page", page.page())
                .add("size", page.size())
                .add("total", page.total())
                .build();
    }

    public static <T> JsonArrayBuilder list(List<T> items, Function<T, JsonObject> item) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(value -> array.add(item.apply(value)));
        return array;
    }

    static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }
}
