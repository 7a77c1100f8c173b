package com.storefrontauth.domain.platform;

import com.storefrontauth.domain.shared.DirectTransactions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Platform limits for domain tests: held in a map instead of the database. */
public final class FixedPlatformLimits {

    private FixedPlatformLimits() {}

    public static PlatformLimitsService of(PlatformLimits limits, Clock clock) {
        Map<String, String> stored = new ConcurrentHashMap<>();
        limits.asMap().forEach((name, value) -> stored.put("limits." + name, String.valueOf(value)));
        return service(stored, clock);
    }

    /** As on a fresh database: no admin has saved any setting, every one has its default. */
    public static PlatformLimitsService nothingSaved(Clock clock) {
        return service(new ConcurrentHashMap<>(), clock);
    }

    private static PlatformLimitsService service(Map<String, String> stored, Clock clock) {
        PlatformLimitsService service = new PlatformLimitsService();
        service.settings = new PlatformSettings() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(stored.get(name));
            }

            @Override
            public Map<String, String> startingWith(String prefix) {
                Map<String, String> found = new java.util.HashMap<>(stored);
                found.keySet().removeIf(name -> !name.startsWith(prefix));
                return found;
            }

            @Override
            public void put(String name, String value) {
                stored.put(name, value);
            }
        };
        service.transactions = new DirectTransactions();
        service.clock = clock;
        service.peers = change -> {};
        return service;
    }
}
