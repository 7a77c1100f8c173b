package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.store.LoginPolicy;
import java.time.Duration;

/** The numbers a challenge lives by; a store's come from its login policy. */
public record OtpRules(int codeLength, Duration ttl, int maxAttempts, Duration resendCooldown, int maxSendsPerHour) {

    /** Merchant activation codes: not store-specific, a little longer-lived than sign-in codes. */
    public static final OtpRules MERCHANT_ACTIVATION = new OtpRules(6, Duration.ofMinutes(15), 5, Duration.ofSeconds(60), 5);

    /** Wrong codes per destination in {@link #FAILURE_WINDOW}, across challenges and resends. */
    static final int MIN_FAILURE_BUDGET = 10;
    static final Duration FAILURE_WINDOW = Duration.ofHours(24);
    static final Duration SEND_WINDOW = Duration.ofHours(1);

    public static OtpRules of(LoginPolicy policy) {
        return new OtpRules((int) policy.number("otp_length"), Duration.ofSeconds(policy.number("otp_ttl_seconds")),
                (int) policy.number("otp_max_attempts"), Duration.ofSeconds(policy.number("otp_resend_cooldown_seconds")),
                (int) policy.number("otp_max_sends_per_hour"));
    }

    /**
     * How many wrong codes a destination may collect per day: three challenges' worth, at least ten.
     * Resends restore a challenge's attempts, so without this budget resend cycles could try every code.
     */
    public int dailyFailureBudget() {
        return Math.max(MIN_FAILURE_BUDGET, 3 * maxAttempts);
    }
}
