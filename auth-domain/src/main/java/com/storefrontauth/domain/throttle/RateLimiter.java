package com.storefrontauth.domain.throttle;

/**
 * Fixed one-minute windows of a given size per key. A port, so the counters can move from process
 * memory to the cluster's data grid without touching the rules that use them.
 */
public interface RateLimiter {

    RateDecision consume(String key, long limitPerMinute);
}
