package com.storefrontauth.api.dialect.commerceengine;

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
import java.util.regex.Pattern;

/**
 * Every refusal under {@code /api/v1/{store_id}/storefront/}, whoever raised it (the body limits before
 * routing, the gate, the JAX-RS runtime, the domain), in Commerce Engine's envelope
 * {@code {"message", "success": false, "code", "errors"}} with the status and error code the v1 routes
 * give. The v1 answers are left as they are.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class CommerceEngineErrors implements ContainerResponseFilter {

    // v1 keeps its store routes under v1/stores/, so a store there never reads as a Commerce Engine path; a
    // store id of ".." is resolved away before routing, and that request stays Commerce Engine's too
    private static final Pattern COMMERCE_ENGINE_PATH =
            Pattern.compile("^/?(v1/((?!stores/)[^/]+/)?)?storefront(/.*)?$", Pattern.DOTALL);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!COMMERCE_ENGINE_PATH.matcher(request.getUriInfo().getPath()).matches()
                || response.getMediaType() == null
                || !Problem.MEDIA_TYPE.equals(response.getMediaType().toString())
                || !(response.getEntity() instanceof String text)) {
            return;
        }
        JsonObject problem = JSON.createReader(new StringReader(text)).readObject();
        JsonObjectBuilder envelope = JSON.createObjectBuilder()
                .add("message", problem.getString("detail", ""))
                .add("success", false)
                .add("code", problem.getString("error_code", ""));
        if (problem.get("errors") instanceof JsonObject errors) {
            envelope.add("errors", errors);
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        response.setEntity(envelope.build().toString(), null, MediaType.APPLICATION_JSON_TYPE);
    }
}
