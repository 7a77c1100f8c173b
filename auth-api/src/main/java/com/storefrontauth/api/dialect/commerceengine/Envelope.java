package com.storefrontauth.api.dialect.commerceengine;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Commerce Engine's envelope {@code {message, success, content}} around every answer. */
final class Envelope {

    private Envelope() {}

    static String ok(String message, JsonValue content) {
        return JSON.createObjectBuilder()
                .add("message", message)
                .add("success", true)
                .add("content", content)
                .build()
                .toString();
    }

    /** A route of the SDK's auth client that maps to nothing we keep (see the README): not found, and why. */
    static Response notOffered(String message) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder()
                        .add("message", message)
                        .add("success", false)
                        .add("code", "not_found")
                        .build()
                        .toString())
                .build();
    }
}
