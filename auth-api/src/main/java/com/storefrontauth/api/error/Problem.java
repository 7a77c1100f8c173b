package com.storefrontauth.api.error;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem+json with the members API.md adds: error_code, errors, trace_id. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ErrorCode code;
    private final String detail;
    private Map<String, List<String>> fieldErrors = Map.of();
    private Map<String, Object> extensions = Map.of();
    private Long retryAfterSeconds;

    private Problem(ErrorCode code, String detail) {
        this.code = code;
        this.detail = detail;
    }

    public static Problem of(ErrorCode code, String detail) {
        return new Problem(code, detail);
    }

    public Problem fieldErrors(Map<String, List<String>> errors) {
        this.fieldErrors = errors;
        return this;
    }

    public Problem extensions(Map<String, Object> members) {
        this.extensions = members;
        return this;
    }

    public Problem retryAfter(Long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Response toResponse(String traceId) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", code.title())
                .add("status", code.status())
                .add("detail", detail)
                .add("error_code", code.wireValue());
        if (!fieldErrors.isEmpty()) {
            JsonObjectBuilder errors = JSON.createObjectBuilder();
            fieldErrors.forEach((field, messages) -> {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                messages.forEach(list::add);
                errors.add(field, list);
            });
            body.add("errors", errors);
        }
        extensions.forEach((name, value) -> {
            if (value instanceof Number number) {
                body.add(name, number.longValue());
            } else {
                body.add(name, String.valueOf(value));
            }
        });
        body.add("trace_id", traceId);
        Response.ResponseBuilder response = Response.status(code.status())
                .type(MEDIA_TYPE)
                .entity(body.build().toString());
        if (retryAfterSeconds != null) {
            response.header("Retry-After", Math.max(1, retryAfterSeconds));
        }
        if (code == ErrorCode.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
