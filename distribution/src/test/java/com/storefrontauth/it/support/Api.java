package com.storefrontauth.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the black-box tests: JSON in, {@link Reply} out, headers as given. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Api server() {
        return new Api(RunningServer.get().baseUrl());
    }

    /** A client of a server the harness did not start itself (an application server). */
    public static Api at(String baseUrl) {
        return new Api(baseUrl);
    }

    /** A client of the given instance (for tests with two instances). */
    public static Api of(RunningServer server) {
        return new Api(server.baseUrl());
    }

    /** A copy that sends one more header on every request. */
    public Api with(String name, String value) {
        Api copy = new Api(baseUrl);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Api bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply post(String path) {
        return send("POST", path, null, null);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Reply options(String path) {
        return send("OPTIONS", path, null, null);
    }

    public Reply send(String method, String path, String body, String contentType) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A body sent byte for byte (for bodies that are not valid UTF-8). */
    public Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON text from alternating names and values (strings, numbers, booleans). */
    public static String json(Object... namesAndValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                builder.addNull(name);
            } else if (value instanceof Boolean b) {
                builder.add(name, b);
            } else if (value instanceof Integer n) {
                builder.add(name, n);
            } else if (value instanceof Long n) {
                builder.add(name, n);
            } else {
                builder.add(name, value.toString());
            }
        }
        return builder.build().toString();
    }

    static JsonStructure parse(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    static JsonObject parseObject(String body) {
        return (JsonObject) parse(body);
    }
}
