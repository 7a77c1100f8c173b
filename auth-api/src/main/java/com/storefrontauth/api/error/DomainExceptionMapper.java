package com.storefrontauth.api.error;

import com.storefrontauth.domain.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Refusals decided by the domain: logged without a stack, answered with their own code. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(DomainException exception) {
        String traceId = TraceId.of(request);
        LOG.log(Level.FINE, () -> "refused " + exception.code().wireValue() + " trace_id=" + traceId);
        return Problem.of(exception.code(), exception.detail())
                .fieldErrors(exception.fieldErrors())
                .extensions(exception.extensions())
                .retryAfter(exception.retryAfterSeconds().orElse(null))
                .toResponse(traceId);
    }
}
