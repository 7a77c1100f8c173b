package com.storefrontauth.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.store.LoginPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginLockoutTest {

    private static final LoginPolicy DEFAULTS = LoginPolicy.defaults(); // threshold 5, base 60, max 900

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "4, 0", "5, 60", "6, 120", "7, 240", "8, 480", "9, 900", "10, 900", "1000, 900"})
    void lockForWhenFailuresReachThresholdThenBaseDoublingUpToMax(long failures, long seconds) {
        assertThat(LoginLockout.lockFor(failures, DEFAULTS)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void lockForWhenPolicyIsExtremeThenNeverOverflows() {
        LoginPolicy policy = DEFAULTS.amend(
                Map.of("lockout_threshold", 1L, "lockout_base_seconds", 86400L, "lockout_max_seconds", 86400L),
                PlatformLimits.defaults());
        assertThat(LoginLockout.lockFor(Long.MAX_VALUE, policy)).isEqualTo(Duration.ofDays(1));
        LoginPolicy tiny = DEFAULTS.amend(
                Map.of("lockout_threshold", 1L, "lockout_base_seconds", 1L, "lockout_max_seconds", 86400L),
                PlatformLimits.defaults());
        assertThat(LoginLockout.lockFor(1, tiny)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginLockout.lockFor(18, tiny)).isEqualTo(Duration.ofSeconds(86400));
    }
}
