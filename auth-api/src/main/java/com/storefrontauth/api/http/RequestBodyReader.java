package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body into its record: the strict parse of {@link StrictJson} (one object, no repeated member,
 * nesting and size limits), the JSON types of {@link WireShape}, then JSON-B binds the same text. Failures answer
 * 400 {@code invalid_json} or {@code invalid_request} naming the field, never 500. Bean Validation runs after
 * (on {@code @Valid} parameters). Any media type is read: {@link RequestLimits} has refused non-JSON bodies
 * already, and a route whose body is optional (logout) is called without one.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class RequestBodyReader implements MessageBodyReader<Record> {

    @Context
    Providers providers;

    @Context
    HttpServletRequest request;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        String text = new String(entity.readAllBytes(), StandardCharsets.UTF_8);
        JsonObject body = StrictJson.object(text);
        WireShape.check(body, type).throwIfAny();
        SentMembers.remember(request, body.keySet());
        try {
            return jsonb().fromJson(text.isBlank() ? "{}" : text, type);
        } catch (JsonbException e) {
            // not expected once the shape is checked; still the client's body, so never a 500
            throw new DomainException(ErrorCode.INVALID_JSON, "The body could not be read.");
        }
    }

    private Jsonb jsonb() {
        return providers
                .getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE)
                .getContext(Record.class);
    }
}
