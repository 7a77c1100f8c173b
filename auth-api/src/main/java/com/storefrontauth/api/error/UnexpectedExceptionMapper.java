package com.storefrontauth.api.error;

import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unforeseen: the cause is logged with the trace id, the client learns nothing internal. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception, TraceId.of(request));
    }

    static Response internalError(Throwable exception, String traceId) {
        LOG.log(Level.SEVERE, "internal_error trace_id=" + traceId, exception);
        return Problem.of(
                        ErrorCode.INTERNAL_ERROR,
                        "Something went wrong on our side. Quote the trace_id if you report it.")
                .toResponse(traceId);
    }
}
