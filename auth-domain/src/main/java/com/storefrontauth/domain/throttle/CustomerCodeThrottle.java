package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The windows over a signed-in customer's requests for a code (a new contact, or a check of the current
 * one): the store's per-IP window of the public auth routes, and a small window per customer, so that
 * one token cannot spray codes at new addresses, each of which has no cooldown of its own yet.
 */
@ApplicationScoped
public class CustomerCodeThrottle {

    static final long CODES_PER_CUSTOMER_PER_MINUTE = 3;

    @Inject
    PublicRouteThrottle routes;

    @Inject
    RateLimiter limiter;

    public RateDecision consume(Store store, CustomerId customer, String clientIp) {
        RateDecision byAddress = routes.consume(store, clientIp);
        if (!byAddress.allowed()) {
            return byAddress;
        }
        return limiter.consume(
                "customer-codes|" + store.id().value() + "|" + customer.value(), CODES_PER_CUSTOMER_PER_MINUTE);
    }
}
