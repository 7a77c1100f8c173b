package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.store.LoginPolicy;
import java.time.Duration;

/** The numbers a challenge lives by; a store's come from its login policy. */
public record OtpRules(int codeLength, Duration ttl, int maxAttempts, Duration resendCooldown, int maxSendsPerHour) {

    /** Merchant activation codes: not store-specific, a little longer-lived than sign-in codes. */
    public static final OtpRules MERCHANT_ACTIVATION =
            new OtpRules(6, Duration.ofMinutes(15), 5, Duration.ofSeconds(60), 5);

    /** Merchant password reset codes: the same numbers as activation, one code a minute per address. */
    public static final OtpRules MERCHANT_PASSWORD_RESET = MERCHANT_ACTIVATION;

    /** Wrong codes per destination and client address in {@link #FAILURE_WINDOW}, across challenges and resends. */
    static final int MIN_FAILURE_BUDGET = 10;
    /** A quiet hour clears the failures: a budget spent by someone else never holds the owner for long. */
    static final Duration FAILURE_WINDOW = Duration.ofHours(1);

    static final Duration SEND_WINDOW = Duration.ofHours(1);
    /** The window of a store's daily codes per channel; the longest any counter is kept. */
    static final Duration STORE_BUDGET_WINDOW = Duration.ofDays(1);

    public static OtpRules of(LoginPolicy policy) {
        return new OtpRules(
                policy.otpLength(),
                policy.otpTtl(),
                policy.otpMaxAttempts(),
                policy.otpResendCooldown(),
                policy.otpMaxSendsPerHour());
    }

    /**
     * How many wrong codes one client address may enter for a destination per {@link #FAILURE_WINDOW}:
     * three challenges' worth, at least ten. It only holds back verifying from that address; starting a
     * code is never refused for it, so nobody can lock an owner out of their own codes. Guessing from many
     * addresses stays bounded by the sends: at most {@code otp_max_sends_per_hour × otp_max_attempts}
     * guesses an hour per destination (with the platform's default limits 10 × 10 = 100 against at least
     * 10^6 codes: at most 2,400 guesses, 0.24 %, a day).
     */
    public int failureBudget() {
        return Math.max(MIN_FAILURE_BUDGET, 3 * maxAttempts);
    }
}
