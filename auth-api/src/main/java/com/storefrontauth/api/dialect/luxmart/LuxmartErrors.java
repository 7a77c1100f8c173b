package com.storefrontauth.api.dialect.luxmart;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.error.Problem;
import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Every refusal on a Luxmart route, whoever raised it (our filters, the JAX-RS runtime, the domain), in
 * Luxmart's shape {@code {"error": "…"}} with Luxmart's documented messages and statuses. The v1 answers
 * are left as they are.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class LuxmartErrors implements ContainerResponseFilter {

    static final String NOT_ACTIVE = "If an account exists and requires activation, an OTP has been sent.";
    static final String WAIT_FOR_OTP = "Please wait before requesting another OTP";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!LuxmartRoutes.isLuxmart(request.getUriInfo().getPath())
                || response.getMediaType() == null
                || !Problem.MEDIA_TYPE.equals(response.getMediaType().toString())
                || !(response.getEntity() instanceof String text)) {
            return;
        }
        JsonObject problem = JSON.createReader(new StringReader(text)).readObject();
        String code = problem.getString("error_code", "");
        int status = response.getStatus();
        String message = switch (code) {
            case "invalid_credentials" ->
                route(request).equals("login/store/") ? "Invalid credentials" : problem.getString("detail", "");
            case "account_not_active" -> NOT_ACTIVE;
            case "account_exists" -> {
                status = 404;
                yield "Email Already Exists";
            }
            case "invalid_otp", "otp_expired" -> {
                status = 404;
                yield "Store OTP Is Not Correct";
            }
            case "rate_limited" -> sendsCodes(route(request)) ? WAIT_FOR_OTP : problem.getString("detail", "");
            case "invalid_request", "weak_password" -> fieldMessages(problem);
            default -> problem.getString("detail", "");
        };
        response.setStatus(status);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        if (response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Token");
        }
        response.setEntity(
                JSON.createObjectBuilder().add("error", message).build().toString(),
                null,
                MediaType.APPLICATION_JSON_TYPE);
    }

    private static String route(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        int accounts = path.indexOf("v1/accounts/");
        return accounts < 0 ? "" : path.substring(accounts + "v1/accounts/".length());
    }

    /** The routes whose 429 is the code cooldown Luxmart documents (one code a minute per account). */
    private static boolean sendsCodes(String route) {
        return route.equals("login/store/")
                || route.equals("register/store/")
                || route.equals("forget/password/store/");
    }

    /** Luxmart reports one message: each invalid field with its reasons, in order. */
    private static String fieldMessages(JsonObject problem) {
        JsonValue errors = problem.get("errors");
        if (!(errors instanceof JsonObject fields) || fields.isEmpty()) {
            return problem.getString("detail", "");
        }
        List<String> parts = new ArrayList<>();
        fields.forEach((field, reasons) ->
                reasons.asJsonArray().forEach(reason -> parts.add(field + ": " + ((JsonString) reason).getString())));
        return String.join("; ", parts);
    }
}
