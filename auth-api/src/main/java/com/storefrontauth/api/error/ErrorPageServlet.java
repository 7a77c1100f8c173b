package com.storefrontauth.api.error;

import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error pages (web.xml) for everything outside the JAX-RS API: unknown paths, wrong
 * methods and failures answer problem+json too, never the server's HTML page or a stack trace.
 */
@WebServlet(urlPatterns = "/error-page")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode code = codeFor(status instanceof Integer value ? value : 404);
        String traceId = TraceId.of(request);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (code == ErrorCode.INTERNAL_ERROR) {
            LOG.log(
                    Level.SEVERE,
                    "internal_error trace_id=" + traceId,
                    failure instanceof Throwable throwable ? throwable : null);
        }
        Response problem = Problem.of(code, detailFor(code)).toResponse(traceId);
        response.setStatus(problem.getStatus());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write((String) problem.getEntity());
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.NOT_FOUND;
        };
    }

    private static String detailFor(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case INTERNAL_ERROR -> "Something went wrong on our side. Quote the trace_id if you report it.";
            default -> "The request could not be processed.";
        };
    }
}
