package com.storefrontauth.api.error;

import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Failures the JAX-RS runtime raises itself (unknown route, wrong method, wrong media type). */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @jakarta.ws.rs.core.Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        String traceId = TraceId.of(request);
        if (exception instanceof NotFoundException) {
            return Problem.of(ErrorCode.NOT_FOUND, "No such resource.").toResponse(traceId);
        }
        if (exception instanceof NotAllowedException) {
            Response problem = Problem.of(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here.")
                    .toResponse(traceId);
            String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return allow == null
                    ? problem
                    : Response.fromResponse(problem)
                            .header(HttpHeaders.ALLOW, allow)
                            .build();
        }
        if (exception instanceof NotSupportedException) {
            return Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.")
                    .toResponse(traceId);
        }
        if (exception instanceof NotAuthorizedException) {
            // @RolesAllowed found no credential: our own authentication filters refuse before it, so this is a fallback
            return Problem.of(ErrorCode.UNAUTHORIZED, "Send a valid Bearer token.")
                    .toResponse(traceId);
        }
        if (exception instanceof ForbiddenException) {
            return Problem.of(ErrorCode.FORBIDDEN, "This credential may not use this route.")
                    .toResponse(traceId);
        }
        if (exception instanceof NotAcceptableException) {
            return Problem.of(ErrorCode.NOT_ACCEPTABLE, "This resource answers application/json only.")
                    .toResponse(traceId);
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.internalError(exception, traceId);
        }
        return Problem.of(ErrorCode.INVALID_REQUEST, "The request could not be processed.")
                .toResponse(traceId);
    }
}
