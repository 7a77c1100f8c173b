package com.storefrontauth.domain.store;

import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.CorsOriginRepository;
import com.storefrontauth.domain.peer.PeerChange;
import com.storefrontauth.domain.peer.PeerChannel;
import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimitsService;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stores and CORS allow-lists that the storefront gate reads on every request, kept in memory for
 * at most {@link #FRESHNESS}. A change made on this instance is seen at once ({@link #forget}), and by the
 * other instances of a cluster as soon as it has committed; an instance that did not hear sees it within
 * that time. API keys are not cached: their revocation is immediate everywhere.
 * A store's policy is held as it takes effect, inside the platform limits it was loaded under.
 */
@ApplicationScoped
public class StoreDirectory {

    static final Duration FRESHNESS = Duration.ofSeconds(2);
    // Unknown but well-formed ids are cached too; the map is dropped whole past this size.
    private static final int MAX_ENTRIES = 10_000;

    @Inject
    StoreRepository stores;

    @Inject
    CorsOriginRepository origins;

    @Inject
    PlatformLimitsService limits;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    PeerChannel peers;

    private final Map<StoreId, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Optional<Store> store, List<CorsOrigin> origins, PlatformLimits limits, Instant loadedAt) {}

    public Optional<Store> find(StoreId id) {
        return entry(id).store();
    }

    public List<CorsOrigin> origins(StoreId id) {
        return entry(id).origins();
    }

    /** Drops what is known of a store after a change made here, and has the other instances drop it. */
    public void forget(StoreId id) {
        entries.remove(id);
        transactions.afterCommit(() -> peers.publish(new PeerChange(PeerChange.Kind.STORE_CHANGED, id.toString())));
    }

    /** Another instance has committed a change to the store. */
    public void changedElsewhere(StoreId id) {
        entries.remove(id);
    }

    private Entry entry(StoreId id) {
        Instant now = clock.instant();
        PlatformLimits inForce = limits.current();
        Entry known = entries.get(id);
        if (known != null
                && known.limits() == inForce
                && now.isBefore(known.loadedAt().plus(FRESHNESS))) {
            return known;
        }
        Entry loaded = transactions.required(() -> {
            Optional<Store> store = stores.find(id);
            // a fresh copy read for this cache alone: nothing writes it back
            store.ifPresent(found -> found.replacePolicy(found.policy().within(inForce)));
            return new Entry(store, store.isPresent() ? origins.list(id) : List.of(), inForce, now);
        });
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(id, loaded);
        return loaded;
    }
}
