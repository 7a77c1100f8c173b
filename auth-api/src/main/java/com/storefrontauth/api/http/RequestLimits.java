package com.storefrontauth.api.http;

import com.storefrontauth.api.error.Problem;
import com.storefrontauth.api.error.TraceId;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Bodies are JSON and at most 64 KiB (API.md), checked before anything reads them. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        long declared = parseLength(length);
        if (declared > MAX_BODY_BYTES) {
            abort(request, ErrorCode.PAYLOAD_TOO_LARGE, "The body must be at most 64 KiB.");
            return;
        }
        boolean hasBody = declared > 0 || chunked;
        if (hasBody && !isJson(request.getMediaType())) {
            abort(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
            return;
        }
        if (hasBody) {
            request.setEntityStream(new BoundedStream(request.getEntityStream()));
        }
    }

    private static long parseLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json")
                        || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    private void abort(ContainerRequestContext request, ErrorCode code, String detail) {
        request.abortWith(Problem.of(code, detail).toResponse(TraceId.of(servletRequest)));
    }

    /** Stops reading a chunked body that grows past the limit. */
    private static final class BoundedStream extends FilterInputStream {
        private long read;

        BoundedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "The body must be at most 64 KiB.");
            }
        }
    }
}
