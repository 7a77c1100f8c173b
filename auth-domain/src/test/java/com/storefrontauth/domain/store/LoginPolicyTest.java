package com.storefrontauth.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

    /** Platform limits at their widest: only API.md's ranges apply. */
    private static final PlatformLimits WIDE = PlatformLimits.defaults().amend(Map.of(
            "max_ip_rate_limit_per_minute", 100000L, "max_otp_max_sends_per_hour", 1000L,
            "min_otp_resend_cooldown_seconds", 0L, "max_otp_max_attempts", 20L, "min_otp_length", 4L));

    @Test
    void defaultsWhenReadThenMatchApiContract() {
        Map<String, Object> defaults = LoginPolicy.defaults().asMap();
        assertThat(defaults).hasSize(23)
                .containsEntry("password_login", true)
                .containsEntry("whatsapp_otp_login", false)
                .containsEntry("otp_after_password_channel", "email")
                .containsEntry("default_country_code", "+91")
                .containsEntry("otp_length", 6L)
                .containsEntry("lockout_max_seconds", 900L)
                .containsEntry("refresh_token_ttl_seconds", 2592000L)
                .containsEntry("ip_rate_limit_per_minute", 60L)
                .containsEntry("refresh_reuse_grace_seconds", 30L);
    }

    @Test
    void amendWhenSubsetGivenThenOtherFieldsKeepTheirValue() {
        LoginPolicy amended = LoginPolicy.defaults().amend(Map.of("otp_length", 8L, "password_login", false), WIDE);
        assertThat(amended.number("otp_length")).isEqualTo(8);
        assertThat(amended.flag("password_login")).isFalse();
        assertThat(amended.number("otp_ttl_seconds")).isEqualTo(300);
        assertThat(LoginPolicy.defaults().number("otp_length")).as("the original is untouched").isEqualTo(6);
    }

    @Test
    void amendWhenSeveralFieldsOutOfRangeThenEveryOneIsNamed() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("otp_length", 3L);
        changes.put("otp_ttl_seconds", 3601L);
        changes.put("password_min_length", 7L);
        changes.put("access_token_ttl_seconds", 59L);
        changes.put("ip_rate_limit_per_minute", 100001L);
        changes.put("password_login", "yes");
        changes.put("otp_after_password_channel", "pigeon");
        changes.put("default_country_code", "91");
        changes.put("no_such_field", 1L);
        DomainException refused = catchThrowableOfType(() -> LoginPolicy.defaults().amend(changes, WIDE), DomainException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.fieldErrors().keySet()).containsExactlyInAnyOrderElementsOf(changes.keySet());
    }

    @Test
    void amendWhenBoundsGivenThenAccepted() {
        LoginPolicy low = LoginPolicy.defaults().amend(Map.of("otp_length", 4L, "otp_resend_cooldown_seconds", 0L,
                "refresh_token_ttl_seconds", 300L, "lockout_base_seconds", 1L, "lockout_max_seconds", 1L), WIDE);
        LoginPolicy high = LoginPolicy.defaults().amend(Map.of("otp_length", 10L, "session_idle_timeout_seconds",
                31536000L, "lockout_base_seconds", 86400L, "lockout_max_seconds", 86400L), WIDE);
        assertThat(low.number("otp_length")).isEqualTo(4);
        assertThat(high.number("session_idle_timeout_seconds")).isEqualTo(31536000L);
    }

    @Test
    void amendWhenLockoutMaxBelowBaseThenMaxIsNamed() {
        DomainException refused = catchThrowableOfType(() -> LoginPolicy.defaults()
                .amend(Map.of("lockout_base_seconds", 600L, "lockout_max_seconds", 300L), WIDE), DomainException.class);
        assertThat(refused.fieldErrors()).containsOnlyKeys("lockout_max_seconds");
    }

    @Test
    void amendWhenNumberIsFractionalOrTextThenRefused() {
        DomainException refused = catchThrowableOfType(() -> LoginPolicy.defaults()
                .amend(Map.of("otp_length", "6", "otp_max_attempts", "5.5"), WIDE), DomainException.class);
        assertThat(refused.fieldErrors()).containsOnlyKeys("otp_length", "otp_max_attempts");
    }

    @Test
    void restoreWhenStoredPolicyLacksNewFieldsThenDefaultsFillThem() {
        LoginPolicy restored = LoginPolicy.restore(Map.of("otp_length", 7L, "otp_ttl_seconds", 999999L));
        assertThat(restored.number("otp_length")).isEqualTo(7);
        assertThat(restored.number("otp_ttl_seconds")).as("an invalid stored value falls back").isEqualTo(300);
        assertThat(restored.flag("allow_registration")).isTrue();
    }

    @Test
    void amendWhenValuesPassThePlatformLimitsThenEachIsNamedWithTheLimit() {
        Map<String, Object> changes = Map.of("ip_rate_limit_per_minute", 100000L, "otp_max_sends_per_hour", 1000L,
                "otp_resend_cooldown_seconds", 0L, "otp_max_attempts", 20L, "otp_length", 4L);

        DomainException refused = catchThrowableOfType(
                () -> LoginPolicy.defaults().amend(changes, PlatformLimits.defaults()), DomainException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.fieldErrors()).containsOnlyKeys(changes.keySet().toArray(String[]::new));
        assertThat(refused.fieldErrors().get("ip_rate_limit_per_minute"))
                .containsExactly("must be at most 600 (the platform limit max_ip_rate_limit_per_minute)");
        assertThat(refused.fieldErrors().get("otp_resend_cooldown_seconds"))
                .containsExactly("must be at least 30 (the platform limit min_otp_resend_cooldown_seconds)");
    }

    @Test
    void amendWhenValuesSitExactlyOnThePlatformLimitsThenAccepted() {
        LoginPolicy policy = LoginPolicy.defaults().amend(Map.of("ip_rate_limit_per_minute", 600L,
                "otp_max_sends_per_hour", 10L, "otp_resend_cooldown_seconds", 30L, "otp_max_attempts", 10L,
                "otp_length", 6L), PlatformLimits.defaults());

        assertThat(policy.number("ip_rate_limit_per_minute")).isEqualTo(600);
    }

    @Test
    void amendWhenAStoredValueIsBeyondALoweredLimitThenOtherFieldsCanStillChange() {
        LoginPolicy stored = LoginPolicy.defaults().amend(Map.of("ip_rate_limit_per_minute", 5000L), WIDE);

        LoginPolicy amended = stored.amend(Map.of("password_login", false), PlatformLimits.defaults());

        assertThat(amended.flag("password_login")).isFalse();
        assertThat(amended.number("ip_rate_limit_per_minute")).as("kept as stored").isEqualTo(5000);
    }

    @Test
    void withinWhenTheLimitsWereLoweredThenBoundedFieldsAreClampedAndTheRestKept() {
        LoginPolicy stored = LoginPolicy.defaults().amend(Map.of("ip_rate_limit_per_minute", 5000L,
                "otp_resend_cooldown_seconds", 0L, "otp_length", 4L, "otp_max_attempts", 20L,
                "otp_max_sends_per_hour", 1000L, "lockout_threshold", 1000L), WIDE);

        LoginPolicy effective = stored.within(PlatformLimits.defaults());

        assertThat(effective.number("ip_rate_limit_per_minute")).isEqualTo(600);
        assertThat(effective.number("otp_resend_cooldown_seconds")).isEqualTo(30);
        assertThat(effective.number("otp_length")).isEqualTo(6);
        assertThat(effective.number("otp_max_attempts")).isEqualTo(10);
        assertThat(effective.number("otp_max_sends_per_hour")).isEqualTo(10);
        assertThat(effective.number("lockout_threshold")).as("no platform limit").isEqualTo(1000);
        assertThat(stored.number("ip_rate_limit_per_minute")).as("the stored policy is untouched").isEqualTo(5000);
        assertThat(LoginPolicy.defaults().within(PlatformLimits.defaults())).isSameAs(LoginPolicy.defaults());
    }
}
