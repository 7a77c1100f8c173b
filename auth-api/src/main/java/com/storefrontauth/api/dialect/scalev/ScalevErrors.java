package com.storefrontauth.api.dialect.scalev;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.error.Problem;
import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every refusal under {@code /v3/} (the Scalev routes, and unknown paths there), whoever raised it (the body
 * limits before routing, the gate, the rate limit, the JAX-RS runtime, the domain), in Scalev's
 * {@code ApiErrorResponse}: exactly {@code error} (the status's reason), {@code error_code} (ours),
 * {@code message} and {@code errors} (the field errors, and any figure such as {@code attempts_remaining}).
 * Status and headers stay; the v1 answers are left as they are.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class ScalevErrors implements ContainerResponseFilter {

    // every v3 path is Scalev's, also an unknown one (a client of Scalev reads its own shape there);
    // DOTALL: a store id may carry a decoded line break
    private static final Pattern SCALEV_PATH = Pattern.compile("^/?v3(/.*)?$", Pattern.DOTALL);
    /** Problem members that are neither carried over by name nor extensions. */
    private static final Set<String> PROBLEM_MEMBERS =
            Set.of("type", "title", "status", "detail", "error_code", "errors", "trace_id");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!SCALEV_PATH.matcher(request.getUriInfo().getPath()).matches()
                || response.getMediaType() == null
                || !Problem.MEDIA_TYPE.equals(response.getMediaType().toString())
                || !(response.getEntity() instanceof String text)) {
            return;
        }
        JsonObject problem = JSON.createReader(new StringReader(text)).readObject();
        JsonObjectBuilder errors = problem.get("errors") instanceof JsonObject fields
                ? JSON.createObjectBuilder(fields)
                : JSON.createObjectBuilder();
        problem.forEach((name, value) -> {
            if (!PROBLEM_MEMBERS.contains(name)) {
                errors.add(name, value);
            }
        });
        JsonObject body = JSON.createObjectBuilder()
                .add("error", problem.getString("title", ""))
                .add("error_code", problem.getString("error_code", ""))
                .add("message", problem.getString("detail", ""))
                .add("errors", errors.build())
                .build();
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        response.setEntity(body.toString(), null, MediaType.APPLICATION_JSON_TYPE);
    }
}
