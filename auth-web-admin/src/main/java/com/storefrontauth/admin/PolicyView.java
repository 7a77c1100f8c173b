package com.storefrontauth.admin;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.PolicyField;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's login and OTP policy: every field of the policy object, grouped, with its allowed range and a
 * line of help. Values are checked by the domain exactly as the management API checks them.
 */
@Named
@ViewScoped
public class PolicyView extends StorePage {

    private static final long serialVersionUID = 1L;

    /** A titled group of fields. */
    public record Group(String title, List<PolicyField> fields) {}

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("password_login", "Customers may sign in with email or phone and a password."),
            Map.entry("email_otp_login", "Sign-in with a code sent by email."),
            Map.entry("phone_otp_login", "Sign-in with a code sent by SMS."),
            Map.entry("whatsapp_otp_login", "Sign-in with a code sent by WhatsApp."),
            Map.entry("allow_registration", "New customers may sign up (also through a code sign-in)."),
            Map.entry(
                    "require_verified_contact",
                    "A new customer must enter a code sent to their email or phone before the first sign-in."),
            Map.entry("otp_after_password", "After a correct password, a code is also required."),
            Map.entry(
                    "otp_after_password_channel",
                    "Where that second-step code is sent (the other contact is used if the customer lacks this one)."),
            Map.entry("default_country_code", "Calling code for phone numbers given without one."),
            Map.entry("otp_length", "Digits per code."),
            Map.entry("otp_ttl_seconds", "How long a code stays valid, in seconds."),
            Map.entry("otp_max_attempts", "Wrong codes before a code is burned."),
            Map.entry("otp_resend_cooldown_seconds", "Seconds between two codes to the same address."),
            Map.entry("otp_max_sends_per_hour", "Codes per address per hour."),
            Map.entry("password_min_length", "Shortest accepted password (common passwords are always refused)."),
            Map.entry("lockout_threshold", "Failed sign-ins in a row before an email or phone is locked."),
            Map.entry("lockout_base_seconds", "First lock, in seconds; it doubles with each further lock."),
            Map.entry("lockout_max_seconds", "Longest lock, in seconds."),
            Map.entry("access_token_ttl_seconds", "Lifetime of an access token, in seconds."),
            Map.entry("refresh_token_ttl_seconds", "A session ends this long after sign-in, in seconds."),
            Map.entry("session_idle_timeout_seconds", "A session ends after this long without use, in seconds."),
            Map.entry(
                    "refresh_reuse_grace_seconds",
                    "How long the refresh token used last may be sent again as a retry (a lost answer, two tabs), in seconds; 0: never."),
            Map.entry(
                    "ip_rate_limit_per_minute",
                    "Requests per minute from one IP address to the public sign-in routes."));

    private static final List<Group> GROUPS = List.of(
            group(
                    "Sign-in methods",
                    "password_login",
                    "email_otp_login",
                    "phone_otp_login",
                    "whatsapp_otp_login",
                    "allow_registration",
                    "require_verified_contact",
                    "otp_after_password",
                    "otp_after_password_channel",
                    "default_country_code"),
            group(
                    "One-time codes",
                    "otp_length",
                    "otp_ttl_seconds",
                    "otp_max_attempts",
                    "otp_resend_cooldown_seconds",
                    "otp_max_sends_per_hour"),
            group(
                    "Passwords and lockout",
                    "password_min_length",
                    "lockout_threshold",
                    "lockout_base_seconds",
                    "lockout_max_seconds"),
            group(
                    "Tokens and sessions",
                    "access_token_ttl_seconds",
                    "refresh_token_ttl_seconds",
                    "session_idle_timeout_seconds",
                    "refresh_reuse_grace_seconds"),
            group("Rate limit", "ip_rate_limit_per_minute"));

    private Map<String, Object> values = new HashMap<>();

    @Override
    protected void refresh() {
        values = new HashMap<>();
        stores.policy(session.operator(), id())
                .asMap()
                .forEach((name, value) -> values.put(name, value instanceof Long number ? number.toString() : value));
    }

    public void save() {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (PolicyField field : LoginPolicy.fields()) {
            Object value = values.get(field.name());
            changes.put(field.name(), field.kind() == PolicyField.Kind.NUMBER ? number(value) : value);
        }
        try {
            stores.amendPolicy(session.operator(), id(), changes, Feedback.client());
            Feedback.info("Policy saved: it applies to new sign-ins from now on.");
            refresh();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    /** A whole number as the domain expects it; anything else is passed on for the domain to refuse. */
    private static Object number(Object value) {
        String text = value == null ? "" : value.toString().strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    public List<Group> getGroups() {
        return GROUPS;
    }

    public Map<String, Object> getValues() {
        return values;
    }

    public String help(PolicyField field) {
        return HELP.getOrDefault(field.name(), "");
    }

    /** The allowed values, as shown next to the field. */
    public String range(PolicyField field) {
        return switch (field.kind()) {
            case NUMBER -> field.min() + " to " + field.max();
            case CHOICE -> String.join(", ", field.choices().stream().sorted().toList());
            case COUNTRY_CODE -> "e.g. +91";
            case FLAG -> "";
        };
    }

    public List<String> choices(PolicyField field) {
        return field.choices().stream().sorted().toList();
    }

    /** A field's wire name as a label: {@code otp_ttl_seconds} reads "OTP TTL seconds". */
    public String label(PolicyField field) {
        String text = (" " + field.name().replace('_', ' ') + " ")
                .replace(" otp ", " OTP ")
                .replace(" ttl ", " TTL ")
                .replace(" ip ", " IP ")
                .replace(" whatsapp ", " WhatsApp ")
                .strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Group group(String title, String... names) {
        List<String> wanted = List.of(names);
        return new Group(
                title,
                LoginPolicy.fields().stream()
                        .filter(field -> wanted.contains(field.name()))
                        .toList());
    }
}
