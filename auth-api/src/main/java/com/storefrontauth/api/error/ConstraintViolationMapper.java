package com.storefrontauth.api.error;

import com.storefrontauth.api.http.BodyViolations;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request record that fails its constraints: 400 {@code invalid_request} with every field named in
 * {@code errors}, as the hand-read routes answer. More specific than Jersey's own mapper for
 * {@code ValidationException}, so this one is chosen. Violations that are not about a request body (a bug of
 * ours) are internal errors.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String traceId = TraceId.of(request);
        return BodyViolations.byField(exception.getConstraintViolations())
                .filter(errors -> !errors.isEmpty())
                .map(errors -> Problem.of(ErrorCode.INVALID_REQUEST, "The request has invalid fields.")
                        .fieldErrors(errors)
                        .toResponse(traceId))
                .orElseGet(() -> UnexpectedExceptionMapper.internalError(exception, traceId));
    }
}
