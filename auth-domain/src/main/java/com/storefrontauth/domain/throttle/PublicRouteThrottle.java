package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-IP windows over the public auth routes: per (store, client IP) with the store's
 * {@code ip_rate_limit_per_minute}, and one window per client IP over merchant and platform-admin
 * sign-in, sign-up and activation (the management API's account routes and the console's sign-in).
 */
@ApplicationScoped
public class PublicRouteThrottle {

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "auth.accounts.ip-rate-limit-per-minute", defaultValue = "30")
    long accountsLimitPerMinute;

    public RateDecision consume(Store store, String clientIp) {
        long limit = store.policy().ipRateLimitPerMinute();
        return limiter.consume(store.id().value() + "|" + clientIp, limit);
    }

    public RateDecision consumeAccounts(String clientIp) {
        return limiter.consume("accounts|" + clientIp, accountsLimitPerMinute);
    }

    /** The account routes' window for a form that reports no headers (the console): refused past the limit. */
    public void requireAccountsAllowed(String clientIp) {
        RateDecision decision = consumeAccounts(clientIp);
        if (!decision.allowed()) {
            throw limited(decision);
        }
    }

    public static DomainException limited(RateDecision decision) {
        return new DomainException(
                ErrorCode.RATE_LIMITED,
                "Too many requests from this address. Slow down.",
                Map.of(),
                Map.of(),
                decision.resetSeconds());
    }
}
