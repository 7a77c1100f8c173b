package com.storefrontauth.domain.audit;

import java.util.Locale;
import java.util.Optional;

public enum AuditEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    GUEST_SESSION_STARTED,
    TOKEN_REFRESHED,
    REFRESH_TOKEN_REUSED,
    LOGOUT,
    SESSION_REVOKED,
    STORE_CREATED,
    STORE_UPDATED,
    LOGIN_POLICY_UPDATED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    CORS_ORIGIN_ADDED,
    CORS_ORIGIN_REMOVED,
    SIGNING_KEY_ROTATED,
    PLATFORM_SETTINGS_UPDATED,
    CUSTOMER_REGISTERED,
    ACCOUNT_LOCKED,
    PROFILE_UPDATED,
    PASSWORD_CHANGED,
    ACCOUNT_DELETED,
    CUSTOMER_DISABLED,
    CUSTOMER_ENABLED,
    OTP_SENT,
    OTP_REQUEST_UNKNOWN,
    OTP_DELIVERED,
    OTP_DELIVERY_FAILED,
    OTP_VERIFIED,
    OTP_FAILED,
    OTP_BURNED,
    OTP_EXPIRED,
    CONTACT_VERIFIED,
    CONTACT_CHANGED,
    PASSWORD_RESET,
    PASSWORD_RESET_LINK_SENT,
    ACCOUNT_REGISTERED,
    ACCOUNT_ACTIVATED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ACCOUNT_CLAIMED,
    CONTACT_RELEASED,
    CUSTOMERS_EXPORTED,
    AUDIT_LOG_EXPORTED,
    MESSAGE_TEMPLATE_CHANGED,
    MESSAGE_TEMPLATE_RESET;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditEventType> fromWire(String value) {
        for (AuditEventType type : values()) {
            if (type.wireValue().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
