package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The per (store, client IP) window of {@code ip_rate_limit_per_minute} over the public auth routes. */
@ApplicationScoped
public class PublicRouteThrottle {

    @Inject
    RateLimiter limiter;

    public RateDecision consume(Store store, String clientIp) {
        long limit = store.policy().number("ip_rate_limit_per_minute");
        return limiter.consume(store.id().value() + "|" + clientIp, limit);
    }
}
