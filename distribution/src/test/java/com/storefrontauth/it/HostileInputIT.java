package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document, attacked with hostile bodies, path ids and query
 * strings, with the credentials the route needs so that the body is actually read: nothing may answer
 * 5xx, every refusal is problem+json, and a body that is not one well-formed JSON object (nested 5,000
 * deep, an array, a repeated member, cut short) is 400 {@code invalid_json} on every route that takes one.
 */
class HostileInputIT {

    private static final int DEPTH = 5_000;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");
    private static final String HUGE = "x".repeat(60 * 1024);

    /** Bodies that are not one well-formed JSON object: each must be refused as invalid_json. */
    private static final Map<String, byte[]> NOT_AN_OBJECT = new LinkedHashMap<>();
    /** Bodies that parse, or may, but carry hostile content: anything but 5xx. */
    private static final Map<String, byte[]> HOSTILE = new LinkedHashMap<>();

    static {
        NOT_AN_OBJECT.put("arrays nested " + DEPTH + " deep", bytes("[".repeat(DEPTH) + "]".repeat(DEPTH)));
        NOT_AN_OBJECT.put(
                "objects nested " + DEPTH + " deep", bytes("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)));
        NOT_AN_OBJECT.put("an array", bytes("[{\"email\":\"a@example.com\"}]"));
        NOT_AN_OBJECT.put("a string", bytes("\"hello\""));
        NOT_AN_OBJECT.put("a repeated member", bytes("{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}"));
        NOT_AN_OBJECT.put("cut short", bytes("{\"email\":"));
        NOT_AN_OBJECT.put("two values", bytes("{} {}"));
        HOSTILE.put("invalid UTF-8", new byte[] {
            '{',
            '"',
            'e',
            'm',
            'a',
            'i',
            'l',
            '"',
            ':',
            '"',
            (byte) 0xff,
            (byte) 0xfe,
            (byte) 0xc3,
            '"',
            ',',
            '"',
            'n',
            '"',
            ':',
            '"',
            (byte) 0xed,
            (byte) 0xa0,
            (byte) 0x80,
            '"',
            '}'
        });
        HOSTILE.put("a NUL escape", bytes("{\"email\":\"a\\u0000@example.com\",\"name\":\"\\ud800\"}"));
        HOSTILE.put("a number out of range", bytes("{\"page\":1e999999,\"size\":123456789012345678901234567890}"));
        HOSTILE.put("a 60 KiB member name", bytes("{\"" + HUGE + "\":1}"));
    }

    private static final List<String> HOSTILE_IDS = List.of(
            "x".repeat(3000),
            "%C3%A9%E2%80%AE%F0%9F%92%A9",
            "..",
            "%2e%2e%2f%2e%2e",
            "st_" + "0".repeat(40),
            "%25",
            "%0d%0aX-Injected:%201",
            "'%20OR%201=1--",
            "%00",
            "%FF",
            "%5C");

    private static final List<String> HOSTILE_QUERY_VALUES = List.of(
            "-1",
            "0",
            "1000000000000",
            "99999999999999999999",
            "garbage",
            "1e3",
            "0x10",
            "%00",
            "%FF",
            "2020-13-45T99:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "x".repeat(3000),
            "");

    /** The platform's ceiling on a store's ip_rate_limit_per_minute: each store takes a share of the sweep. */
    private static final int STORE_WINDOW = 600;

    private static final int STOREFRONT_REQUESTS_PER_STORE = 450;

    private final List<String> failures = new ArrayList<>();
    private int sent;
    private int throttled;
    private Credentials credentials;
    private int storefrontRequests;

    @Test
    void everyOperationWhenSentHostileInputThenNo5xxAndProblemJson() {
        JsonObject document = openApi();
        JsonObject paths = document.getJsonObject("paths");
        int operations = 0;
        for (String template : paths.keySet()) {
            JsonObject item = paths.getJsonObject(template);
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (!item.containsKey(method)) {
                    continue;
                }
                operations++;
                JsonObject operation = item.getJsonObject(method);
                // every request from here shares one address: a fresh store before this one's window runs out
                if (credentials == null || storefrontRequests > STOREFRONT_REQUESTS_PER_STORE - 150) {
                    credentials = credentials();
                    storefrontRequests = 0;
                }
                attack(document, template, method.toUpperCase(), operation, credentials);
            }
        }
        assertThat(operations).as("operations in /openapi").isGreaterThan(40);
        assertThat(failures)
                .as("hostile requests answered wrongly (of %d sent)", sent)
                .isEmpty();
        // the store's per-IP window is raised so that the bodies are read, not refused before
        assertThat(throttled).as("answers 429 of %d", sent).isLessThan(sent / 20);
    }

    private void attack(
            JsonObject document, String template, String method, JsonObject operation, Credentials credentials) {
        Api api = credentials.forOperation(document, operation);
        String path = concrete(template, credentials, null, null);
        String name = method + " " + template;
        int before = sent;
        if (operation.containsKey("requestBody")) {
            NOT_AN_OBJECT.forEach((what, body) ->
                    check(name + " with " + what, api.sendBytes(method, path, body, "application/json"), true));
            HOSTILE.forEach((what, body) ->
                    check(name + " with " + what, api.sendBytes(method, path, body, "application/json"), false));
            for (String property : properties(document, operation)) {
                for (Object value : wrongValues()) {
                    String body = "{\"" + property + "\":" + value + "}";
                    check(
                            name + " with " + property + "=" + abbreviate(String.valueOf(value)),
                            api.sendBytes(method, path, bytes(body), "application/json"),
                            false);
                }
            }
        }
        Matcher params = PATH_PARAM.matcher(template);
        while (params.find()) {
            String param = params.group(1);
            for (String id : HOSTILE_IDS) {
                byte[] body = operation.containsKey("requestBody") ? bytes("{}") : null;
                check(
                        name + " with " + param + "=" + abbreviate(id),
                        api.sendBytes(
                                method,
                                concrete(template, credentials, param, id),
                                body,
                                body == null ? null : "application/json"),
                        false);
            }
        }
        for (String query : queryParameters(document, operation)) {
            for (String value : HOSTILE_QUERY_VALUES) {
                check(name + "?" + query + "=" + abbreviate(value), api.get(path + "?" + query + "=" + value), false);
            }
        }
        if (template.contains("/auth/") || template.contains("/customers/me")) {
            storefrontRequests += sent - before;
        }
    }

    /** Values of every JSON type but the expected one, and oversized ones of each. */
    private static List<Object> wrongValues() {
        return List.of(
                "[1,[2]]",
                "{\"a\":{}}",
                "1.5",
                "-1",
                "1e400",
                "123456789012345678901234567890",
                "true",
                "null",
                "1e-2147483649",
                "9".repeat(60_000),
                "\"" + HUGE + "\"",
                "\"\\u0000\"",
                "\"\"");
    }

    private void check(String request, Reply reply, boolean mustBeInvalidJson) {
        sent++;
        if (reply.status() == 429) {
            throttled++;
            return;
        }
        String type = reply.header("Content-Type");
        if (reply.status() >= 500) {
            failures.add(request + " -> " + abbreviate(reply.toString()));
        } else if (commerceEngine(request)) {
            if (reply.status() >= 400 && !commerceEngineRefusal(reply) && !refusedByContainer(reply)) {
                failures.add(request + " -> " + reply.status() + " not in Commerce Engine's envelope: "
                        + abbreviate(reply.body()));
            } else if (mustBeInvalidJson
                    && reply.status() != 413
                    && !(reply.status() == 400
                            && "invalid_json".equals(reply.json().getString("code", "")))) {
                failures.add(request + " -> not invalid_json: " + abbreviate(reply.toString()));
            }
        } else if (scalev(request)) {
            if (reply.status() >= 400 && !scalevRefusal(reply) && !refusedByContainer(reply)) {
                failures.add(
                        request + " -> " + reply.status() + " not in Scalev's error body: " + abbreviate(reply.body()));
            } else if (mustBeInvalidJson
                    && reply.status() != 413
                    && !(reply.status() == 400 && "invalid_json".equals(reply.errorCode()))) {
                failures.add(request + " -> not invalid_json: " + abbreviate(reply.toString()));
            }
        } else if (luxmart(request)) {
            if (reply.status() >= 400 && !luxmartRefusal(reply)) {
                failures.add(
                        request + " -> " + reply.status() + " not in Luxmart's shape: " + abbreviate(reply.body()));
            }
        } else if (reply.status() >= 400
                && !(type != null && type.startsWith("application/problem+json"))
                && !refusedByContainer(reply)) {
            failures.add(request + " -> " + reply.status() + " without problem+json: " + abbreviate(reply.body()));
        } else if (mustBeInvalidJson
                && reply.status() != 413
                && !(reply.status() == 400 && "invalid_json".equals(reply.errorCode()))) {
            failures.add(request + " -> not invalid_json: " + abbreviate(reply.toString()));
        }
    }

    /** Commerce Engine's storefront auth refuses in its envelope {@code {message, success: false, code}}. */
    private static boolean commerceEngine(String request) {
        // a store id that climbs two levels leaves the API, and the server's own error page answers
        return request.contains("/storefront/auth/") && !request.contains("store_id=%2e%2e%2f");
    }

    private static boolean commerceEngineRefusal(Reply reply) {
        String type = reply.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return false;
        }
        JsonObject body = reply.json();
        return !body.getBoolean("success", true) && body.containsKey("message") && body.containsKey("code");
    }

    /** Scalev's v3 routes refuse with exactly {@code {error, error_code, message, errors}}. */
    private static boolean scalev(String request) {
        return request.matches("[A-Z]+ /api/v3/stores/.*");
    }

    private static boolean scalevRefusal(Reply reply) {
        String type = reply.header("Content-Type");
        return type != null
                && type.startsWith("application/json")
                && reply.json().keySet().equals(Set.of("error", "error_code", "message", "errors"));
    }

    /** Luxmart's routes (API.md, "Seed dialects") end in a slash and refuse in Luxmart's own shape. */
    private static boolean luxmart(String request) {
        return request.matches("[A-Z]+ /api/v1/accounts/\\S+/( .*)?");
    }

    private static boolean luxmartRefusal(Reply reply) {
        String type = reply.header("Content-Type");
        return type != null
                && type.startsWith("application/json")
                && reply.json().keySet().equals(Set.of("error"));
    }

    /**
     * Payara refuses a path it cannot decode (a NUL, a backslash, bytes that are not UTF-8) with a bare
     * "400 Invalid URI" before any application code runs, so there is no problem+json to ask for.
     */
    private static boolean refusedByContainer(Reply reply) {
        return reply.status() == 400 && reply.body().isEmpty();
    }

    private static String concrete(String template, Credentials credentials, String hostileParam, String hostileId) {
        Matcher params = PATH_PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (params.find()) {
            String param = params.group(1);
            String value = param.equals(hostileParam)
                    ? hostileId
                    : switch (param) {
                        case "store_id" -> credentials.store.id();
                        case "customer_id", "user_id" -> credentials.customerId;
                        default -> "unknown_0000";
                    };
            params.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        params.appendTail(path);
        return path.toString();
    }

    private static Set<String> properties(JsonObject document, JsonObject operation) {
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        Set<String> names = new LinkedHashSet<>();
        content.values()
                .forEach(media ->
                        collectProperties(document, media.asJsonObject().getJsonObject("schema"), names));
        return names;
    }

    private static void collectProperties(JsonObject document, JsonObject schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        schema = resolve(document, schema);
        if (schema.containsKey("properties")) {
            names.addAll(schema.getJsonObject("properties").keySet());
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.containsKey(combinator)) {
                schema.getJsonArray(combinator)
                        .forEach(part -> collectProperties(document, part.asJsonObject(), names));
            }
        }
    }

    private static List<String> queryParameters(JsonObject document, JsonObject operation) {
        List<String> names = new ArrayList<>();
        JsonArray parameters = operation.getJsonArray("parameters");
        if (parameters != null) {
            for (JsonValue parameter : parameters) {
                JsonObject resolved = resolve(document, parameter.asJsonObject());
                if ("query".equals(resolved.getString("in"))) {
                    names.add(resolved.getString("name"));
                }
            }
        }
        return names;
    }

    private static JsonObject resolve(JsonObject document, JsonObject node) {
        JsonObject resolved = node;
        while (resolved.containsKey("$ref")) {
            JsonValue target = document;
            for (String part : resolved.getString("$ref").substring(2).split("/")) {
                target = target.asJsonObject().get(part);
            }
            resolved = target.asJsonObject();
        }
        return resolved;
    }

    private static JsonObject openApi() {
        Reply reply = Api.server().with("Accept", "application/json").get("/openapi");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    /** A store with the widest per-IP window, its key, a customer and the admin. */
    private static Credentials credentials() {
        StoreFixture store = Fixtures.newStore();
        store.policy("ip_rate_limit_per_minute", STORE_WINDOW);
        Reply customer = store.storefront()
                .post(
                        store.path("/auth/register"),
                        Api.json("email", "hostile@example.com", "password", "purple mountain ferry 7"));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
        JsonObject body = customer.json();
        String adminToken = Fixtures.adminLogin().getString("access_token");
        return new Credentials(
                store, body.getJsonObject("user").getString("id"), body.getString("access_token"), adminToken);
    }

    private record Credentials(StoreFixture store, String customerId, String customerToken, String adminToken) {

        /**
         * The publishable key where the route takes one; a bearer where every way in needs one: the
         * customer's on storefront routes, the platform admin's on management routes.
         */
        Api forOperation(JsonObject document, JsonObject operation) {
            JsonArray requirements = operation.containsKey("security")
                    ? operation.getJsonArray("security")
                    : document.getJsonArray("security");
            Api api = Api.server();
            if (requirements == null || requirements.isEmpty()) {
                return api;
            }
            boolean apiKey =
                    requirements.stream().anyMatch(r -> r.asJsonObject().containsKey("storefrontApiKey"));
            boolean bearer =
                    requirements.stream().allMatch(r -> r.asJsonObject().containsKey("bearer"));
            if (apiKey) {
                api = api.with("X-Storefront-Api-Key", store.publishableKey());
            }
            if (bearer) {
                api = api.bearer(apiKey ? customerToken : adminToken);
            }
            // Commerce Engine's routes: its key where a route takes one, the customer's token where one does
            if (requirements.stream().anyMatch(r -> r.asJsonObject().containsKey("commerceEngineApiKey"))) {
                api = api.with("X-Api-Key", store.publishableKey());
            }
            if (requirements.stream().anyMatch(r -> r.asJsonObject().containsKey("commerceEngineSession"))) {
                api = api.bearer(customerToken);
            }
            if (requirements.stream().anyMatch(r -> r.asJsonObject().containsKey("scalevStorefrontApiKey"))) {
                api = api.with("X-Scalev-Storefront-Api-Key", store.publishableKey());
            }
            if (requirements.stream().anyMatch(r -> r.asJsonObject().containsKey("scalevCustomerBearer"))) {
                api = api.bearer(customerToken);
            }
            return api;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
