package com.storefrontauth.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

    @Test
    void defaultsWhenReadThenMatchApiContract() {
        Map<String, Object> defaults = LoginPolicy.defaults().asMap();
        assertThat(defaults).hasSize(22)
                .containsEntry("password_login", true)
                .containsEntry("whatsapp_otp_login", false)
                .containsEntry("otp_after_password_channel", "email")
                .containsEntry("default_country_code", "+91")
                .containsEntry("otp_length", 6L)
                .containsEntry("lockout_max_seconds", 900L)
                .containsEntry("refresh_token_ttl_seconds", 2592000L)
                .containsEntry("ip_rate_limit_per_minute", 60L);
    }

    @Test
    void amendWhenSubsetGivenThenOtherFieldsKeepTheirValue() {
        LoginPolicy amended = LoginPolicy.defaults().amend(Map.of("otp_length", 8L, "password_login", false));
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
        DomainException refused = catchThrowableOfType(() -> LoginPolicy.defaults().amend(changes), DomainException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.fieldErrors().keySet()).containsExactlyInAnyOrderElementsOf(changes.keySet());
    }

    @Test
    void amendWhenBoundsGivenThenAccepted() {
        LoginPolicy low = LoginPolicy.defaults().amend(Map.of("otp_length", 4L, "otp_resend_cooldown_seconds", 0L,
                "refresh_token_ttl_seconds", 300L, "lockout_base_seconds", 1L, "lockout_max_seconds", 1L));
        LoginPolicy high = LoginPolicy.defaults().amend(Map.of("otp_length", 10L, "session_idle_timeout_seconds",
                31536000L, "lockout_base_seconds", 86400L, "lockout_max_seconds", 86400L));
        assertThat(low.number("otp_length")).isEqualTo(4);
        assertThat(high.number("session_idle_timeout_seconds")).isEqualTo(31536000L);
    }

    @Test
    void amendWhenLockoutMaxBelowBaseThenMaxIsNamed() {
        DomainException refused = catchThrowableOfType(() -> LoginPolicy.defaults()
                .amend(Map.of("lockout_base_seconds", 600L, "lockout_max_seconds", 300L)), DomainException.class);
        assertThat(refused.fieldErrors()).containsOnlyKeys("lockout_max_seconds");
    }

    @Test
    void amendWhenNumberIsFractionalOrTextThenRefused() {
        DomainException refused = catchThrowableOfType(() -> LoginPolicy.defaults()
                .amend(Map.of("otp_length", "6", "otp_max_attempts", "5.5")), DomainException.class);
        assertThat(refused.fieldErrors()).containsOnlyKeys("otp_length", "otp_max_attempts");
    }

    @Test
    void restoreWhenStoredPolicyLacksNewFieldsThenDefaultsFillThem() {
        LoginPolicy restored = LoginPolicy.restore(Map.of("otp_length", 7L, "otp_ttl_seconds", 999999L));
        assertThat(restored.number("otp_length")).isEqualTo(7);
        assertThat(restored.number("otp_ttl_seconds")).as("an invalid stored value falls back").isEqualTo(300);
        assertThat(restored.flag("allow_registration")).isTrue();
    }
}
