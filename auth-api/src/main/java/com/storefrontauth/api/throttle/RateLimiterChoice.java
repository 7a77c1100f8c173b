package com.storefrontauth.api.throttle;

import com.storefrontauth.api.cluster.DataGrid;
import com.storefrontauth.domain.throttle.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The per-IP windows on the data grid when this instance is clustered, in its own memory when alone. */
@ApplicationScoped
public class RateLimiterChoice {

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter(DataGrid grid, LocalRateLimiter local) {
        return grid.instance()
                .<RateLimiter>map(instance -> new GridRateLimiter(instance, local))
                .orElse(local);
    }
}
