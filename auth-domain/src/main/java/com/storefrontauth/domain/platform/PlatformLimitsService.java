package com.storefrontauth.domain.platform;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.peer.PeerChange;
import com.storefrontauth.domain.peer.PeerChannel;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform limits in force: read by every storefront request (kept in memory for at most
 * {@link #FRESHNESS}, so an instance that did not hear of another one's change sees it within that time)
 * and changed by the platform admin.
 */
@ApplicationScoped
public class PlatformLimitsService {

    static final Duration FRESHNESS = Duration.ofSeconds(2);
    private static final String PREFIX = "limits.";

    @Inject
    PlatformSettings settings;

    @Inject
    StoreAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    PeerChannel peers;

    private volatile Loaded loaded;

    private record Loaded(PlatformLimits limits, Instant at) {}

    /** The limits every rule applies now (the same instance for as long as they do not change). */
    public PlatformLimits current() {
        Loaded known = loaded;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.at().plus(FRESHNESS))) {
            return known.limits();
        }
        PlatformLimits read = transactions.required(this::read);
        // unchanged limits keep their identity: caches built under them stay valid
        PlatformLimits limits = known != null && known.limits().equals(read) ? known.limits() : read;
        loaded = new Loaded(limits, now);
        return limits;
    }

    /** Another instance has committed new limits: the next request reads them. */
    public void changedElsewhere() {
        loaded = null;
    }

    public PlatformLimits get(Operator operator) {
        access.requirePlatformAdmin(operator);
        return current();
    }

    /** Replaces the given settings; a store policy beyond a lowered limit is clamped from now on, not rewritten. */
    public PlatformLimits amend(Operator operator, Map<String, Object> changes, ClientInfo client) {
        access.requirePlatformAdmin(operator);
        PlatformLimits amended = transactions.required(() -> {
            PlatformLimits changed = read().amend(changes);
            Map<String, String> details = new LinkedHashMap<>();
            changes.keySet().forEach(name -> {
                String value = String.valueOf(changed.number(name));
                settings.put(PREFIX + name, value);
                details.put(name, value);
            });
            audit.record(null, AuditEventType.PLATFORM_SETTINGS_UPDATED, operator.subject(), client, details);
            return changed;
        });
        loaded = new Loaded(amended, clock.instant());
        transactions.afterCommit(() -> peers.publish(PeerChange.of(PeerChange.Kind.PLATFORM_LIMITS_CHANGED)));
        return amended;
    }

    /**
     * Gives a setting no admin has saved yet its first value (one configured before it was a platform setting);
     * refused like an amend when out of range, and a saved value always wins.
     */
    public void adoptUnlessSaved(String name, long value) {
        PlatformLimits.defaults().amend(Map.<String, Object>of(name, value));
        transactions.required(() -> {
            if (settings.get(PREFIX + name).isEmpty()) {
                settings.put(PREFIX + name, String.valueOf(value));
            }
            return null;
        });
        loaded = null;
    }

    private PlatformLimits read() {
        Map<String, String> stored = new LinkedHashMap<>();
        settings.startingWith(PREFIX).forEach((name, value) -> stored.put(name.substring(PREFIX.length()), value));
        return PlatformLimits.restore(stored);
    }
}
