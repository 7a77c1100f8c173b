package com.storefrontauth.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** One HTTP answer as a test sees it. */
public record Reply(int status, Map<String, List<String>> headers, String body) {

    public JsonObject json() {
        return Api.parseObject(body);
    }

    public JsonArray items() {
        return json().getJsonArray("items");
    }

    public String string(String field) {
        return json().getString(field);
    }

    /** The error_code of a problem+json answer. */
    public String errorCode() {
        return json().getString("error_code");
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
