package com.storefrontauth.domain.credential;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many of the hashing slots one tenant (a store, or the merchants' and admin's own sign-ins together)
 * may hold at once: half of them, at least one. A flood of sign-ins at one store then waits on its own
 * share while the other stores' requests still find a free slot. One semaphore per tenant, created once
 * and kept: tenants are stores that passed the storefront gate, so their number is that of the stores.
 */
final class HashingShare {

    private final int perTenant;
    private final Map<String, Semaphore> shares = new ConcurrentHashMap<>();

    HashingShare(int slots) {
        this.perTenant = Math.max(1, slots / 2);
    }

    /** Takes a place in the tenant's share, waiting at most {@code millis}; false when none came free. */
    boolean enter(String tenant, long millis) throws InterruptedException {
        return share(tenant).tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    void leave(String tenant) {
        share(tenant).release();
    }

    int perTenant() {
        return perTenant;
    }

    private Semaphore share(String tenant) {
        Semaphore known = shares.get(tenant);
        return known != null ? known : shares.computeIfAbsent(tenant, key -> new Semaphore(perTenant, true));
    }
}
