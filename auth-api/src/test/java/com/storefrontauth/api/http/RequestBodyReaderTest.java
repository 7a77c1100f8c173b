package com.storefrontauth.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.api.AuthApplication;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodyReaderTest {

    public record Sample(String countryCode, Boolean registerIfNotExists, BigDecimal percent) {}

    private final RequestBodyReader reader = new RequestBodyReader();

    RequestBodyReaderTest() {
        reader.providers = new JsonBindingOnly();
    }

    @Test
    void whenMembersHaveTheirJsonTypesThenTheyBindBySnakeCaseNames() throws Exception {
        Sample sample = read("{\"country_code\": \"+91\", \"register_if_not_exists\": true, \"percent\": 10.5}");

        assertThat(sample).isEqualTo(new Sample("+91", true, new BigDecimal("10.5")));
    }

    @Test
    void whenTheBodyIsEmptyThenEveryMemberIsAbsent() throws Exception {
        assertThat(read("")).isEqualTo(new Sample(null, null, null));
        assertThat(read("{\"country_code\": null, \"unknown\": [1, {}]}")).isEqualTo(new Sample(null, null, null));
    }

    @Test
    void whenAMemberHasAnotherJsonTypeThenItIsRefusedByNameInsteadOfConverted() {
        // JSON-B alone binds 91 as "91", "yes" and 1 as false, and "10" as 10
        assertRefused("{\"country_code\": 91}", Map.of("country_code", List.of("must be a string")));
        assertRefused("{\"country_code\": {\"a\": 1}}", Map.of("country_code", List.of("must be a string")));
        assertRefused("{\"country_code\": [\"+91\"]}", Map.of("country_code", List.of("must be a string")));
        assertRefused(
                "{\"register_if_not_exists\": \"yes\", \"percent\": \"10\"}",
                Map.of(
                        "register_if_not_exists", List.of("must be true or false"),
                        "percent", List.of("must be a number")));
        assertRefused(
                "{\"register_if_not_exists\": 1}", Map.of("register_if_not_exists", List.of("must be true or false")));
        assertRefused("{\"percent\": 1" + "0".repeat(40) + "}", Map.of("percent", List.of("must be a number")));
    }

    @Test
    void whenAStringIsHugeOrHoldsNulThenItIsRefused() {
        assertRefused(
                "{\"country_code\": \"" + "9".repeat(10_001) + "\"}", Map.of("country_code", List.of("is too long")));
        assertRefused(
                "{\"country_code\": \"+9\\u00001\"}",
                Map.of("country_code", List.of("must not contain NUL characters")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"country_code\": \"+91\", \"country_code\": \"+1\"}",
                "{\"country_code\": \"+91\"} {}",
                "{\"country_code\": \"+91\"} x",
                "{\"country_code\": ",
                "[1, 2]",
                "\"text\"",
                "nul"
            })
    void whenTheBodyIsNotExactlyOneObjectWithDistinctMembersThenInvalidJson(String body) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_JSON));
    }

    @Test
    void whenTheBodyNestsDeeperThanTheParserAllowsThenInvalidJson() {
        String deep = "{\"percent\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThatThrownBy(() -> read(deep))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_JSON));
    }

    @Test
    void everyRequestRecordOfTheApiUsesMemberTypesTheReaderChecks() {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> type : new AuthApplication().getClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                boolean route = Arrays.stream(method.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
                for (Class<?> parameter : method.getParameterTypes()) {
                    if (route && parameter.isRecord() && !records.contains(parameter)) {
                        records.add(parameter);
                    }
                }
            }
        }

        assertThat(records).hasSizeGreaterThan(15);
        records.forEach(type -> assertThat(WireShape.check(jakarta.json.JsonValue.EMPTY_JSON_OBJECT, type)
                        .isEmpty())
                .as(type.getName())
                .isTrue());
    }

    private Sample read(String body) throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Record> type = (Class) Sample.class;
        assertThat(reader.isReadable(type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        return (Sample) reader.readFrom(
                type,
                type,
                new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE,
                null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRefused(String body, Map<String, List<String>> errors) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(refused.fieldErrors()).isEqualTo(errors);
        });
    }

    /** What Jersey's Providers offer the reader here: the application's JSON-B configuration. */
    private static final class JsonBindingOnly implements Providers {

        @Override
        @SuppressWarnings("unchecked")
        public <T> ContextResolver<T> getContextResolver(Class<T> contextType, MediaType mediaType) {
            return contextType == Jsonb.class ? (ContextResolver<T>) new JsonBinding() : null;
        }

        @Override
        public <T> MessageBodyReader<T> getMessageBodyReader(
                Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return null;
        }

        @Override
        public <T> MessageBodyWriter<T> getMessageBodyWriter(
                Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return null;
        }

        @Override
        public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
            return null;
        }
    }
}
