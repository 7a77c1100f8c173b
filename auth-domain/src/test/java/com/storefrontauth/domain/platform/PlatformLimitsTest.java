package com.storefrontauth.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformLimitsTest {

    @Test
    void defaultsWhenReadThenCeilingsFloorsAndBudgetsAreTheDocumentedOnes() {
        assertThat(PlatformLimits.defaults().asMap())
                .containsEntry("max_ip_rate_limit_per_minute", 600L)
                .containsEntry("max_otp_max_sends_per_hour", 10L)
                .containsEntry("min_otp_resend_cooldown_seconds", 30L)
                .containsEntry("max_otp_max_attempts", 10L)
                .containsEntry("min_otp_length", 6L)
                .containsEntry("store_daily_email_codes", 10000L)
                .containsEntry("store_daily_sms_codes", 1000L)
                .containsEntry("store_daily_whatsapp_codes", 1000L)
                .containsEntry("destination_codes_per_hour", 10L);
        assertThat(PlatformLimits.defaults().storeDailyCodes("sms")).isEqualTo(1000);
        assertThat(PlatformLimits.defaults().destinationCodesPerHour()).isEqualTo(10);
    }

    @Test
    void refusalWhenACeilingIsPassedThenOnlyAboveItAndFloorsOnlyBelowIt() {
        PlatformLimits limits = PlatformLimits.defaults();

        assertThat(limits.refusal("ip_rate_limit_per_minute", 600)).isEmpty();
        assertThat(limits.refusal("ip_rate_limit_per_minute", 601)).isPresent();
        assertThat(limits.refusal("otp_resend_cooldown_seconds", 30)).isEmpty();
        assertThat(limits.refusal("otp_resend_cooldown_seconds", 29)).isPresent();
        assertThat(limits.refusal("otp_length", 5)).hasValue("must be at least 6 (the platform limit min_otp_length)");
        assertThat(limits.refusal("lockout_threshold", 1_000_000))
                .as("not a bounded field")
                .isEmpty();
    }

    @Test
    void clampWhenBeyondThenTheLimitAndOtherwiseTheValue() {
        PlatformLimits limits = PlatformLimits.defaults();

        assertThat(limits.clamp("otp_max_sends_per_hour", 1000)).isEqualTo(10);
        assertThat(limits.clamp("otp_max_sends_per_hour", 3)).isEqualTo(3);
        assertThat(limits.clamp("otp_resend_cooldown_seconds", 0)).isEqualTo(30);
        assertThat(limits.clamp("otp_resend_cooldown_seconds", 90)).isEqualTo(90);
        assertThat(limits.clamp("lockout_threshold", 1000)).isEqualTo(1000);
    }

    @Test
    void amendWhenFieldsAreUnknownMistypedOrOutOfRangeThenEveryOneIsNamed() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("max_ip_rate_limit_per_minute", 0L);
        changes.put("min_otp_length", 11L);
        changes.put("store_daily_sms_codes", "many");
        changes.put("max_otp_max_attempts", 21L);
        changes.put("no_such_setting", 1L);

        DomainException refused =
                catchThrowableOfType(() -> PlatformLimits.defaults().amend(changes), DomainException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.fieldErrors().keySet()).containsExactlyInAnyOrderElementsOf(changes.keySet());
    }

    @Test
    void amendWhenASubsetIsGivenThenTheRestKeepTheirValue() {
        PlatformLimits raised = PlatformLimits.defaults()
                .amend(Map.of("max_ip_rate_limit_per_minute", 100000L, "store_daily_sms_codes", 0L));

        assertThat(raised.number("max_ip_rate_limit_per_minute")).isEqualTo(100000);
        assertThat(raised.storeDailyCodes("sms"))
                .as("a channel can be shut platform-wide")
                .isZero();
        assertThat(raised.number("max_otp_max_attempts")).isEqualTo(10);
        assertThat(PlatformLimits.defaults().number("max_ip_rate_limit_per_minute"))
                .isEqualTo(600);
    }

    @Test
    void restoreWhenStoredValuesAreMissingOrUnreadableThenDefaultsHold() {
        PlatformLimits restored = PlatformLimits.restore(
                Map.of("max_otp_max_attempts", "4", "min_otp_length", "abc", "max_ip_rate_limit_per_minute", "0"));

        assertThat(restored.number("max_otp_max_attempts")).isEqualTo(4);
        assertThat(restored.number("min_otp_length")).isEqualTo(6);
        assertThat(restored.number("max_ip_rate_limit_per_minute")).isEqualTo(600);
        assertThat(restored.number("destination_codes_per_hour")).isEqualTo(10);
    }
}
