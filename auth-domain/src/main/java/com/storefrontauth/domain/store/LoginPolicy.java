package com.storefrontauth.domain.store;

import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.shared.FieldErrors;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a store lets its customers sign in: methods, code rules, password length, lockout, token
 * lifetimes and the per-IP rate. Immutable; {@link #amend} validates a partial change as a whole and
 * names every field that is out of range, of API.md or of the platform's limits. A stored policy takes
 * effect {@link #within} the platform limits of the moment, except for the fields the platform admin
 * granted this store past them ({@link #grant}): one store can be given more without raising a limit
 * for every merchant.
 */
public final class LoginPolicy {

    static final List<PolicyField> FIELDS = List.of(
            PolicyField.flag("password_login", true),
            PolicyField.flag("email_otp_login", true),
            PolicyField.flag("phone_otp_login", true),
            PolicyField.flag("whatsapp_otp_login", false),
            PolicyField.flag("otp_after_password", false),
            PolicyField.choice("otp_after_password_channel", "email", Set.of("email", "sms", "whatsapp")),
            PolicyField.flag("allow_registration", true),
            PolicyField.flag("require_verified_contact", false),
            PolicyField.countryCode("default_country_code", "+91"),
            PolicyField.number("otp_length", 6, 4, 10),
            PolicyField.number("otp_ttl_seconds", 300, 30, 3600),
            PolicyField.number("otp_max_attempts", 5, 1, 20),
            PolicyField.number("otp_resend_cooldown_seconds", 60, 0, 3600),
            PolicyField.number("otp_max_sends_per_hour", 5, 1, 1000),
            PolicyField.number("password_min_length", 8, 8, 128),
            PolicyField.number("lockout_threshold", 5, 1, 1000),
            PolicyField.number("lockout_base_seconds", 60, 1, 86400),
            PolicyField.number("lockout_max_seconds", 900, 1, 86400),
            PolicyField.number("access_token_ttl_seconds", 900, 60, 86400),
            PolicyField.number("refresh_token_ttl_seconds", 2592000, 300, 31536000),
            PolicyField.number("session_idle_timeout_seconds", 2592000, 300, 31536000),
            PolicyField.number("ip_rate_limit_per_minute", 60, 1, 100000),
            PolicyField.number("refresh_reuse_grace_seconds", 30, 0, 120));

    /** The stored document's member naming the granted fields; never a policy field on the wire. */
    static final String GRANTS = "platform_grants";

    private static final LoginPolicy DEFAULTS = defaultsFromFields();

    private final Map<String, Object> values;
    private final Set<String> granted;

    private LoginPolicy(Map<String, Object> values, Set<String> granted) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.granted = Collections.unmodifiableSet(new LinkedHashSet<>(granted));
    }

    /** Every field, in API.md's order, with its type and allowed values (forms show the ranges). */
    public static List<PolicyField> fields() {
        return FIELDS;
    }

    public static LoginPolicy defaults() {
        return DEFAULTS;
    }

    private static LoginPolicy defaultsFromFields() {
        Map<String, Object> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field.name(), field.defaultValue()));
        return new LoginPolicy(values, Set.of());
    }

    /**
     * A policy with the given fields replaced, as a merchant or a store's key changes it. Values are
     * Boolean, Long or String as they came from JSON; unknown fields, wrong types, out-of-range values and
     * values beyond the platform's limits are all reported together. Only changed values answer to the
     * limits: a value sent again as stored (a form saved whole) neither blocks the change nor loses its
     * grant, while a changed one gives up its grant.
     */
    public LoginPolicy amend(Map<String, Object> changes, PlatformLimits limits) {
        return amend(changes, limits, false);
    }

    /**
     * A policy with the given fields replaced by the platform admin, who is bound by API.md's ranges only:
     * each changed number beyond the platform limits becomes this store's grant and takes effect as set.
     */
    public LoginPolicy grant(Map<String, Object> changes, PlatformLimits limits) {
        return amend(changes, limits, true);
    }

    private LoginPolicy amend(Map<String, Object> changes, PlatformLimits limits, boolean byPlatform) {
        FieldErrors errors = new FieldErrors();
        Map<String, Object> amended = new LinkedHashMap<>(values);
        Set<String> grants = new LinkedHashSet<>(granted);
        changes.forEach((name, value) -> {
            PolicyField field = FIELDS.stream()
                    .filter(f -> f.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (field == null) {
                errors.add(name, "is not a login policy field");
                return;
            }
            PolicyField.Result accepted = field.accept(value);
            if (accepted.failure().isPresent() || accepted.value().equals(values.get(name))) {
                accepted.failure().ifPresent(message -> errors.add(name, message));
                return;
            }
            PolicyField.Result result = accepted.within(name, limits);
            grants.remove(name);
            if (result.failure().isEmpty()) {
                amended.put(name, result.value());
            } else if (byPlatform) {
                amended.put(name, accepted.value());
                grants.add(name);
            } else {
                errors.add(name, result.failure().get());
            }
        });
        long base = (Long) amended.get("lockout_base_seconds");
        long max = (Long) amended.get("lockout_max_seconds");
        if (errors.isEmpty() && max < base) {
            errors.add("lockout_max_seconds", "must be at least lockout_base_seconds (" + base + ")");
        }
        errors.throwIfAny();
        return new LoginPolicy(amended, grants);
    }

    /**
     * Rebuilds a stored policy. Fields added since it was stored take their defaults, so a new
     * policy field needs no data migration.
     */
    public static LoginPolicy restore(Map<String, Object> stored) {
        Map<String, Object> values = new LinkedHashMap<>(DEFAULTS.values);
        FIELDS.forEach(field -> {
            Object value = stored.get(field.name());
            if (value != null) {
                PolicyField.Result result = field.accept(value);
                if (result.failure().isEmpty()) {
                    values.put(field.name(), result.value());
                }
            }
        });
        Set<String> granted = stored.get(GRANTS) instanceof String names
                ? Arrays.stream(names.split(","))
                        .filter(name ->
                                FIELDS.stream().anyMatch(field -> field.name().equals(name)))
                        .collect(Collectors.toCollection(LinkedHashSet::new))
                : Set.of();
        return new LoginPolicy(values, granted);
    }

    /**
     * The policy as it takes effect: every number a platform limit bounds is brought inside it, but for the
     * fields the platform admin granted this store.
     */
    public LoginPolicy within(PlatformLimits limits) {
        Map<String, Object> effective = new LinkedHashMap<>(values);
        FIELDS.stream()
                .filter(field -> field.kind() == PolicyField.Kind.NUMBER && !granted.contains(field.name()))
                .forEach(field ->
                        effective.put(field.name(), limits.clamp(field.name(), (Long) values.get(field.name()))));
        return effective.equals(values) ? this : new LoginPolicy(effective, granted);
    }

    /** Every field in API.md's order, for the wire. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** The fields the platform admin set past the platform limits for this store. */
    public Set<String> granted() {
        return granted;
    }

    /** The document to store: every field, and the grants when there are any. */
    public Map<String, Object> stored() {
        if (granted.isEmpty()) {
            return values;
        }
        Map<String, Object> document = new LinkedHashMap<>(values);
        document.put(GRANTS, String.join(",", granted));
        return document;
    }

    public boolean passwordLogin() {
        return flag("password_login");
    }

    public boolean emailOtpLogin() {
        return flag("email_otp_login");
    }

    public boolean phoneOtpLogin() {
        return flag("phone_otp_login");
    }

    public boolean whatsappOtpLogin() {
        return flag("whatsapp_otp_login");
    }

    /** Whether a correct password is followed by a code ({@link #otpAfterPasswordChannel}). */
    public boolean otpAfterPassword() {
        return flag("otp_after_password");
    }

    /** The channel's wire name: {@code email}, {@code sms} or {@code whatsapp}. */
    public String otpAfterPasswordChannel() {
        return (String) values.get("otp_after_password_channel");
    }

    public boolean allowsRegistration() {
        return flag("allow_registration");
    }

    public boolean requiresVerifiedContact() {
        return flag("require_verified_contact");
    }

    /** The calling code ("+91") used for phone numbers given without one. */
    public String defaultCountryCode() {
        return (String) values.get("default_country_code");
    }

    public int otpLength() {
        return (int) number("otp_length");
    }

    public Duration otpTtl() {
        return seconds("otp_ttl_seconds");
    }

    public int otpMaxAttempts() {
        return (int) number("otp_max_attempts");
    }

    public Duration otpResendCooldown() {
        return seconds("otp_resend_cooldown_seconds");
    }

    public int otpMaxSendsPerHour() {
        return (int) number("otp_max_sends_per_hour");
    }

    public int passwordMinLength() {
        return (int) number("password_min_length");
    }

    public long lockoutThreshold() {
        return number("lockout_threshold");
    }

    public Duration lockoutBase() {
        return seconds("lockout_base_seconds");
    }

    public Duration lockoutMax() {
        return seconds("lockout_max_seconds");
    }

    public Duration accessTokenTtl() {
        return seconds("access_token_ttl_seconds");
    }

    public Duration refreshTokenTtl() {
        return seconds("refresh_token_ttl_seconds");
    }

    public Duration sessionIdleTimeout() {
        return seconds("session_idle_timeout_seconds");
    }

    public long ipRateLimitPerMinute() {
        return number("ip_rate_limit_per_minute");
    }

    /** How long the refresh token spent last may be presented again as a retry (API.md). */
    public Duration refreshReuseGrace() {
        return seconds("refresh_reuse_grace_seconds");
    }

    // the wire names stay in this class: the accessors above are the domain's only way in
    private boolean flag(String name) {
        return (Boolean) values.get(name);
    }

    private long number(String name) {
        return (Long) values.get(name);
    }

    private Duration seconds(String name) {
        return Duration.ofSeconds(number(name));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoginPolicy policy && policy.values.equals(values) && policy.granted.equals(granted);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + granted.hashCode();
    }
}
