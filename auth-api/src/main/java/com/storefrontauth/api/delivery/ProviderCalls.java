package com.storefrontauth.api.delivery;

/**
 * The limits every provider call runs under, as Fault Tolerance annotation values (so compile-time
 * constants): a short in-call retry with backoff, a timeout, a breaker that stops calling a failing provider,
 * and a bulkhead so a slow provider cannot take every sender thread. Longer outages are the outbox's business
 * (it reschedules while the code is valid). Breaker delays are in milliseconds: the unit attribute is ignored
 * by Payara 6.2025.10.
 */
final class ProviderCalls {

    static final long BREAKER_DELAY_MS = 10_000;
    static final int TIMEOUT_MS = 5_000;

    private ProviderCalls() {}
}
