package com.storefrontauth.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

    /** Platform limits at their widest: only API.md's ranges apply. */
    private static final PlatformLimits WIDE = PlatformLimits.defaults()
            .amend(Map.of(
                    "max_ip_rate_limit_per_minute",
                    100000L,
                    "max_otp_max_sends_per_hour",
                    1000L,
                    "min_otp_resend_cooldown_seconds",
                    0L,
                    "max_otp_max_attempts",
                    20L,
                    "min_otp_length",
                    4L));

    @Test
    void defaultsWhenReadThenMatchApiContract() {
        Map<String, Object> defaults = LoginPolicy.defaults().asMap();
        assertThat(defaults)
                .hasSize(23)
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
        assertThat(amended.otpLength()).isEqualTo(8);
        assertThat(amended.passwordLogin()).isFalse();
        assertThat(amended.otpTtl().toSeconds()).isEqualTo(300);
        assertThat(LoginPolicy.defaults().otpLength())
                .as("the original is untouched")
                .isEqualTo(6);
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
        DomainException refused =
                catchThrowableOfType(() -> LoginPolicy.defaults().amend(changes, WIDE), DomainException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.fieldErrors().keySet()).containsExactlyInAnyOrderElementsOf(changes.keySet());
    }

    @Test
    void amendWhenBoundsGivenThenAccepted() {
        LoginPolicy low = LoginPolicy.defaults()
                .amend(
                        Map.of(
                                "otp_length",
                                4L,
                                "otp_resend_cooldown_seconds",
                                0L,
                                "refresh_token_ttl_seconds",
                                300L,
                                "lockout_base_seconds",
                                1L,
                                "lockout_max_seconds",
                                1L),
                        WIDE);
        LoginPolicy high = LoginPolicy.defaults()
                .amend(
                        Map.of(
                                "otp_length",
                                10L,
                                "session_idle_timeout_seconds",
                                31536000L,
                                "lockout_base_seconds",
                                86400L,
                                "lockout_max_seconds",
                                86400L),
                        WIDE);
        assertThat(low.otpLength()).isEqualTo(4);
        assertThat(high.sessionIdleTimeout().toSeconds()).isEqualTo(31536000L);
    }

    @Test
    void amendWhenLockoutMaxBelowBaseThenMaxIsNamed() {
        DomainException refused = catchThrowableOfType(
                () -> LoginPolicy.defaults()
                        .amend(Map.of("lockout_base_seconds", 600L, "lockout_max_seconds", 300L), WIDE),
                DomainException.class);
        assertThat(refused.fieldErrors()).containsOnlyKeys("lockout_max_seconds");
    }

    @Test
    void amendWhenNumberIsFractionalOrTextThenRefused() {
        DomainException refused = catchThrowableOfType(
                () -> LoginPolicy.defaults().amend(Map.of("otp_length", "6", "otp_max_attempts", "5.5"), WIDE),
                DomainException.class);
        assertThat(refused.fieldErrors()).containsOnlyKeys("otp_length", "otp_max_attempts");
    }

    @Test
    void restoreWhenStoredPolicyLacksNewFieldsThenDefaultsFillThem() {
        LoginPolicy restored = LoginPolicy.restore(Map.of("otp_length", 7L, "otp_ttl_seconds", 999999L));
        assertThat(restored.otpLength()).isEqualTo(7);
        assertThat(restored.otpTtl().toSeconds())
                .as("an invalid stored value falls back")
                .isEqualTo(300);
        assertThat(restored.allowsRegistration()).isTrue();
    }

    @Test
    void amendWhenValuesPassThePlatformLimitsThenEachIsNamedWithTheLimit() {
        Map<String, Object> changes = Map.of(
                "ip_rate_limit_per_minute",
                100000L,
                "otp_max_sends_per_hour",
                1000L,
                "otp_resend_cooldown_seconds",
                0L,
                "otp_max_attempts",
                20L,
                "otp_length",
                4L);

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
        LoginPolicy policy = LoginPolicy.defaults()
                .amend(
                        Map.of(
                                "ip_rate_limit_per_minute",
                                600L,
                                "otp_max_sends_per_hour",
                                10L,
                                "otp_resend_cooldown_seconds",
                                30L,
                                "otp_max_attempts",
                                10L,
                                "otp_length",
                                6L),
                        PlatformLimits.defaults());

        assertThat(policy.ipRateLimitPerMinute()).isEqualTo(600);
    }

    @Test
    void amendWhenAStoredValueIsBeyondALoweredLimitThenOtherFieldsCanStillChange() {
        LoginPolicy stored = LoginPolicy.defaults().amend(Map.of("ip_rate_limit_per_minute", 5000L), WIDE);

        LoginPolicy amended = stored.amend(Map.of("password_login", false), PlatformLimits.defaults());

        assertThat(amended.passwordLogin()).isFalse();
        assertThat(amended.ipRateLimitPerMinute()).as("kept as stored").isEqualTo(5000);
    }

    @Test
    void grantWhenThePlatformAdminSetsValuesPastTheLimitsThenTheyHoldForThisStoreWhateverTheLimits() {
        Map<String, Object> changes =
                Map.of("ip_rate_limit_per_minute", 100000L, "otp_length", 4L, "lockout_threshold", 1000L);

        LoginPolicy granted = LoginPolicy.defaults().grant(changes, PlatformLimits.defaults());

        assertThat(granted.granted()).containsExactlyInAnyOrder("ip_rate_limit_per_minute", "otp_length");
        LoginPolicy effective = granted.within(PlatformLimits.defaults());
        assertThat(effective.ipRateLimitPerMinute()).isEqualTo(100000);
        assertThat(effective.otpLength()).isEqualTo(4);
        assertThat(effective.lockoutThreshold()).isEqualTo(1000);
        assertThat(granted.within(PlatformLimits.defaults().amend(Map.of("max_ip_rate_limit_per_minute", 5L)))
                        .ipRateLimitPerMinute())
                .as("a limit lowered later does not take back a grant")
                .isEqualTo(100000);
    }

    @Test
    void grantWhenTheValueIsInsideTheLimitsThenNothingIsGranted() {
        LoginPolicy amended =
                LoginPolicy.defaults().grant(Map.of("ip_rate_limit_per_minute", 600L), PlatformLimits.defaults());

        assertThat(amended.granted()).isEmpty();
        assertThat(amended.stored()).doesNotContainKey("platform_grants");
    }

    @Test
    void grantWhenAValueIsOutsideApiRangesThenRefusedAsForAMerchant() {
        DomainException refused = catchThrowableOfType(
                () -> LoginPolicy.defaults()
                        .grant(Map.of("ip_rate_limit_per_minute", 100001L), PlatformLimits.defaults()),
                DomainException.class);

        assertThat(refused.fieldErrors()).containsOnlyKeys("ip_rate_limit_per_minute");
    }

    @Test
    void amendWhenAMerchantChangesAGrantedFieldThenTheGrantEndsAndTheLimitsJudgeIt() {
        LoginPolicy granted =
                LoginPolicy.defaults().grant(Map.of("ip_rate_limit_per_minute", 100000L), PlatformLimits.defaults());

        DomainException refused = catchThrowableOfType(
                () -> granted.amend(Map.of("ip_rate_limit_per_minute", 90000L), PlatformLimits.defaults()),
                DomainException.class);
        LoginPolicy lowered = granted.amend(Map.of("ip_rate_limit_per_minute", 300L), PlatformLimits.defaults());

        assertThat(refused.fieldErrors()).containsOnlyKeys("ip_rate_limit_per_minute");
        assertThat(lowered.granted()).isEmpty();
        assertThat(lowered.within(PlatformLimits.defaults()).ipRateLimitPerMinute())
                .isEqualTo(300);
    }

    @Test
    void amendWhenAMerchantSavesTheWholeFormThenAGrantedValueSentAsStoredIsKept() {
        LoginPolicy granted =
                LoginPolicy.defaults().grant(Map.of("ip_rate_limit_per_minute", 100000L), PlatformLimits.defaults());
        Map<String, Object> form = new LinkedHashMap<>(granted.asMap());
        form.put("password_login", false);

        LoginPolicy saved = granted.amend(form, PlatformLimits.defaults());

        assertThat(saved.passwordLogin()).isFalse();
        assertThat(saved.granted()).containsExactly("ip_rate_limit_per_minute");
        assertThat(saved.within(PlatformLimits.defaults()).ipRateLimitPerMinute())
                .isEqualTo(100000);
    }

    @Test
    void restoreWhenTheStoredDocumentCarriesGrantsThenTheyComeBackAndUnknownNamesAreDropped() {
        LoginPolicy granted =
                LoginPolicy.defaults().grant(Map.of("ip_rate_limit_per_minute", 100000L), PlatformLimits.defaults());
        Map<String, Object> document = new LinkedHashMap<>(granted.stored());
        assertThat(document).containsEntry("platform_grants", "ip_rate_limit_per_minute");
        document.put("platform_grants", "ip_rate_limit_per_minute,no_such_field");

        LoginPolicy restored = LoginPolicy.restore(document);

        assertThat(restored).isEqualTo(granted);
        assertThat(restored.asMap()).doesNotContainKey("platform_grants");
    }

    @Test
    void withinWhenTheLimitsWereLoweredThenBoundedFieldsAreClampedAndTheRestKept() {
        LoginPolicy stored = LoginPolicy.defaults()
                .amend(
                        Map.of(
                                "ip_rate_limit_per_minute",
                                5000L,
                                "otp_resend_cooldown_seconds",
                                0L,
                                "otp_length",
                                4L,
                                "otp_max_attempts",
                                20L,
                                "otp_max_sends_per_hour",
                                1000L,
                                "lockout_threshold",
                                1000L),
                        WIDE);

        LoginPolicy effective = stored.within(PlatformLimits.defaults());

        assertThat(effective.ipRateLimitPerMinute()).isEqualTo(600);
        assertThat(effective.otpResendCooldown().toSeconds()).isEqualTo(30);
        assertThat(effective.otpLength()).isEqualTo(6);
        assertThat(effective.otpMaxAttempts()).isEqualTo(10);
        assertThat(effective.otpMaxSendsPerHour()).isEqualTo(10);
        assertThat(effective.lockoutThreshold()).as("no platform limit").isEqualTo(1000);
        assertThat(stored.ipRateLimitPerMinute())
                .as("the stored policy is untouched")
                .isEqualTo(5000);
        assertThat(LoginPolicy.defaults().within(PlatformLimits.defaults())).isSameAs(LoginPolicy.defaults());
    }

    @Test
    void typedAccessorsWhenEveryFieldIsStoredOffItsDefaultThenEachReadsItsOwnField() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("password_login", false);
        stored.put("email_otp_login", false);
        stored.put("phone_otp_login", false);
        stored.put("whatsapp_otp_login", true);
        stored.put("otp_after_password", true);
        stored.put("otp_after_password_channel", "sms");
        stored.put("allow_registration", false);
        stored.put("require_verified_contact", true);
        stored.put("default_country_code", "+62");
        stored.put("otp_length", 7L);
        stored.put("otp_ttl_seconds", 301L);
        stored.put("otp_max_attempts", 3L);
        stored.put("otp_resend_cooldown_seconds", 61L);
        stored.put("otp_max_sends_per_hour", 4L);
        stored.put("password_min_length", 12L);
        stored.put("lockout_threshold", 6L);
        stored.put("lockout_base_seconds", 62L);
        stored.put("lockout_max_seconds", 901L);
        stored.put("access_token_ttl_seconds", 902L);
        stored.put("refresh_token_ttl_seconds", 2592001L);
        stored.put("session_idle_timeout_seconds", 2592002L);
        stored.put("ip_rate_limit_per_minute", 59L);
        stored.put("refresh_reuse_grace_seconds", 29L);

        LoginPolicy policy = LoginPolicy.restore(stored);

        assertThat(policy.asMap()).isEqualTo(stored);
        assertThat(List.of(
                        policy.passwordLogin(),
                        policy.emailOtpLogin(),
                        policy.phoneOtpLogin(),
                        policy.whatsappOtpLogin(),
                        policy.otpAfterPassword(),
                        policy.allowsRegistration(),
                        policy.requiresVerifiedContact()))
                .containsExactly(false, false, false, true, true, false, true);
        assertThat(policy.otpAfterPasswordChannel()).isEqualTo("sms");
        assertThat(policy.defaultCountryCode()).isEqualTo("+62");
        assertThat(List.of(
                        policy.otpLength(),
                        policy.otpMaxAttempts(),
                        policy.otpMaxSendsPerHour(),
                        policy.passwordMinLength()))
                .containsExactly(7, 3, 4, 12);
        assertThat(List.of(policy.lockoutThreshold(), policy.ipRateLimitPerMinute()))
                .containsExactly(6L, 59L);
        assertThat(List.of(
                                policy.otpTtl(),
                                policy.otpResendCooldown(),
                                policy.lockoutBase(),
                                policy.lockoutMax(),
                                policy.accessTokenTtl(),
                                policy.refreshTokenTtl(),
                                policy.sessionIdleTimeout(),
                                policy.refreshReuseGrace())
                        .stream()
                        .map(Duration::toSeconds)
                        .toList())
                .containsExactly(301L, 61L, 62L, 901L, 902L, 2592001L, 2592002L, 29L);
    }
}
