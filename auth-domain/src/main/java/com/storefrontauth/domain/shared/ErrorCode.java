package com.storefrontauth.domain.shared;

/** Every error the service answers with; the wire values and statuses are fixed by API.md. */
public enum ErrorCode {
    INVALID_REQUEST(400, "Bad Request"),
    INVALID_JSON(400, "Bad Request"),
    MISSING_API_KEY(401, "Unauthorized"),
    INVALID_API_KEY(401, "Unauthorized"),
    UNAUTHORIZED(401, "Unauthorized"),
    INVALID_CREDENTIALS(401, "Unauthorized"),
    INVALID_OTP(401, "Unauthorized"),
    OTP_EXPIRED(401, "Unauthorized"),
    INVALID_REFRESH_TOKEN(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    LOGIN_METHOD_DISABLED(403, "Forbidden"),
    ACCOUNT_DISABLED(403, "Forbidden"),
    ACCOUNT_NOT_ACTIVE(403, "Forbidden"),
    ORIGIN_NOT_ALLOWED(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    NOT_ACCEPTABLE(406, "Not Acceptable"),
    ACCOUNT_EXISTS(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Content Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    WEAK_PASSWORD(422, "Unprocessable Content"),
    RATE_LIMITED(429, "Too Many Requests"),
    TOO_MANY_ATTEMPTS(429, "Too Many Requests"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable"),
    INTERNAL_ERROR(500, "Internal Server Error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String wireValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
