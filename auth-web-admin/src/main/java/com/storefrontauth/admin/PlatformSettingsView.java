package com.storefrontauth.admin;

import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimitsService;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform limits (platform admin only): ceilings and floors no store policy passes, each store's daily
 * codes per channel, and codes per address across stores. Values are checked by the domain exactly as
 * {@code PUT /api/v1/admin/settings} checks them.
 */
@Named
@ViewScoped
public class PlatformSettingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> HELP = Map.of(
            "max_ip_rate_limit_per_minute", "Highest ip_rate_limit_per_minute a store may set.",
            "max_otp_max_sends_per_hour", "Highest otp_max_sends_per_hour a store may set.",
            "min_otp_resend_cooldown_seconds", "Lowest otp_resend_cooldown_seconds a store may set.",
            "max_otp_max_attempts", "Highest otp_max_attempts a store may set.",
            "min_otp_length", "Shortest otp_length a store may set.",
            "store_daily_email_codes", "Codes one store may send by email in any 24 hours (0 shuts the channel).",
            "store_daily_sms_codes", "Codes one store may send by SMS in any 24 hours (0 shuts the channel).",
            "store_daily_whatsapp_codes", "Codes one store may send by WhatsApp in any 24 hours (0 shuts the channel).",
            "destination_codes_per_hour", "Codes one email or phone may receive in any hour, all stores together.",
            "audit_retention_days", "Days audit events are kept; older ones are deleted (export first to keep them).");

    @Inject
    PlatformLimitsService limits;

    @Inject
    ConsoleSession session;

    private Map<String, String> values = new HashMap<>();
    private boolean allowed;

    public void load() {
        try {
            show(limits.get(session.operator()));
            allowed = true;
        } catch (DomainException refused) {
            values = new HashMap<>();
            allowed = false;
            Feedback.refused(refused);
        }
    }

    public void save() {
        Map<String, Object> changes = new LinkedHashMap<>();
        PlatformLimits.fields().forEach(field -> changes.put(field.name(), number(values.get(field.name()))));
        try {
            show(limits.amend(session.operator(), changes, Feedback.client()));
            Feedback.info("Platform settings saved: every instance applies them within 2 seconds.");
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    private void show(PlatformLimits current) {
        values = new HashMap<>();
        current.asMap().forEach((name, value) -> values.put(name, value.toString()));
    }

    /** A whole number as the domain expects it; anything else is passed on for the domain to refuse. */
    private static Object number(String value) {
        String text = value == null ? "" : value.strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    public List<PlatformLimits.Field> getFields() {
        return PlatformLimits.fields();
    }

    public Map<String, String> getValues() {
        return values;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public String help(PlatformLimits.Field field) {
        return HELP.getOrDefault(field.name(), "");
    }

    public String range(PlatformLimits.Field field) {
        return field.min() + " to " + field.max() + " (default " + field.defaultValue() + ")";
    }

    /** A setting's wire name as a label: {@code max_otp_max_attempts} reads "Max OTP max attempts". */
    public String label(PlatformLimits.Field field) {
        String text = (" " + field.name().replace('_', ' ') + " ")
                .replace(" otp ", " OTP ")
                .replace(" ip ", " IP ")
                .replace(" sms ", " SMS ")
                .replace(" whatsapp ", " WhatsApp ")
                .strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
