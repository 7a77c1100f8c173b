package com.storefrontauth.domain.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the client may see: an {@link ErrorCode}, a detail that is safe to show, and for
 * validation failures the offending fields. Unchecked, so a unit of work rolls back on it.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, List<String>> fieldErrors;
    private final Map<String, Object> extensions;
    private final Long retryAfterSeconds;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, Map.of(), Map.of(), null);
    }

    public DomainException(
            ErrorCode code,
            String detail,
            Map<String, List<String>> fieldErrors,
            Map<String, Object> extensions,
            Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.extensions = new LinkedHashMap<>(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static DomainException invalidField(String field, String message) {
        return new DomainException(
                ErrorCode.INVALID_REQUEST,
                "The request has invalid fields.",
                Map.of(field, List.of(message)),
                Map.of(),
                null);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public java.util.Optional<Long> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }
}
