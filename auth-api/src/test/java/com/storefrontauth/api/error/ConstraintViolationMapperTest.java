package com.storefrontauth.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.api.resource.account.MerchantAccountResource;
import com.storefrontauth.api.resource.management.StoreResource;
import com.storefrontauth.api.resource.storefront.StorefrontOtpResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Violations found the way Jersey finds them on a {@code @Valid} parameter, answered as API.md's errors. */
class ConstraintViolationMapperTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private final ConstraintViolationMapper mapper = new ConstraintViolationMapper();

    @Test
    void whenRequiredMembersAreMissingOrBlankThenEachIsNamedByItsJsonName() {
        JsonObject problem = answer(
                new StorefrontOtpResource(),
                "verify",
                new StorefrontOtpResource.CodeEntry(null, "  ", null, null, null, null),
                400);

        assertThat(problem.getString("error_code")).isEqualTo("invalid_request");
        assertThat(problem.getJsonObject("errors"))
                .isEqualTo(
                        json(
                                "{\"otp_token\": [\"is required\"], \"otp\": [\"must not be blank\"], \"otp_action\": [\"is required\"]}"));
        assertThat(problem.getString("trace_id")).isNotBlank();
    }

    @Test
    void whenMembersBreakTheirWireShapeThenTheMessagesSayWhatIsExpected() {
        JsonObject problem = answer(
                new StorefrontOtpResource(),
                "verify",
                new StorefrontOtpResource.CodeEntry("ses_1", "1".repeat(65), "login\n", null, null, null),
                400);

        assertThat(problem.getJsonObject("errors"))
                .isEqualTo(
                        json(
                                "{\"otp_token\": [\"must be the otp_token of a challenge\"], \"otp\": [\"is too long\"],"
                                        + " \"otp_action\": [\"must be login, register, verify, reset_password, update_email or update_phone\"]}"));
    }

    @Test
    void whenAMemberNameHasSeveralWordsThenTheErrorUsesSnakeCase() {
        MerchantAccountResource.RefreshTokenBody body = new MerchantAccountResource.RefreshTokenBody(null);

        JsonObject problem = answer(new MerchantAccountResource(), "refresh", body, 400);

        assertThat(problem.getJsonObject("errors")).isEqualTo(json("{\"refresh_token\": [\"is required\"]}"));
    }

    @Test
    void whenOptionalMembersAreLeftOutThenNothingIsRefused() {
        assertThat(violations(
                        new StoreResource(),
                        "change",
                        new StoreResource.StoreEdit(null, null, null, null, null, null, null, null, null)))
                .isEmpty();
        assertThat(answer(
                                new StoreResource(),
                                "change",
                                new StoreResource.StoreEdit(" ", "prod", null, null, null, null, null, null, null),
                                400)
                        .getJsonObject("errors"))
                .isEqualTo(json("{\"name\": [\"must not be blank\"], \"mode\": [\"must be test or live\"]}"));
    }

    @Test
    void whenAViolationIsNotAboutARequestBodyThenItIsAnInternalErrorNotTheClientsFault() {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(new NotABody(null));

        Response response = mapper.toResponse(new ConstraintViolationException(violations));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(json((String) response.getEntity()).getString("error_code")).isEqualTo("internal_error");
    }

    static final class NotABody {
        @jakarta.validation.constraints.NotNull
        final String value;

        NotABody(String value) {
            this.value = value;
        }
    }

    private JsonObject answer(Object resource, String methodName, Record body, int status) {
        Set<ConstraintViolation<Object>> violations = violations(resource, methodName, body);
        assertThat(violations).isNotEmpty();
        Response response = mapper.toResponse(new ConstraintViolationException(violations));
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        return json((String) response.getEntity());
    }

    /** As Jersey validates a resource method's parameters before calling it. */
    private static Set<ConstraintViolation<Object>> violations(Object resource, String methodName, Record body) {
        Method method = Arrays.stream(resource.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(methodName)
                        && Arrays.asList(candidate.getParameterTypes()).contains(body.getClass()))
                .findFirst()
                .orElseThrow();
        Object[] arguments = Arrays.stream(method.getParameterTypes())
                .map(type -> type == body.getClass() ? body : "st_1")
                .toArray();
        return VALIDATOR.forExecutables().validateParameters(resource, method, arguments);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
