package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reset links in memory, with the semantics of the JPA table: spent once while unexpired, bounded deletes. */
class InMemoryResetLinks implements ResetLinkRepository {

    private final Map<TokenHash, ResetLink> rows = new LinkedHashMap<>();
    private final Set<TokenHash> used = new HashSet<>();

    synchronized boolean holds(TokenHash id) {
        return rows.containsKey(id);
    }

    synchronized int size() {
        return rows.size();
    }

    @Override
    public synchronized void insert(ResetLink link) {
        rows.put(link.id(), link);
    }

    @Override
    public synchronized Optional<ResetLink> spend(TokenHash id, StoreId store, Instant now) {
        return Optional.ofNullable(rows.get(id))
                .filter(link -> link.store().equals(store) && now.isBefore(link.expiresAt()))
                .filter(link -> used.add(link.id()));
    }

    @Override
    public synchronized int deleteExpired(Instant before, int limit) {
        List<TokenHash> expired = rows.values().stream()
                .filter(link -> link.expiresAt().isBefore(before))
                .map(ResetLink::id)
                .limit(limit)
                .toList();
        expired.forEach(rows::remove);
        expired.forEach(used::remove);
        return expired.size();
    }
}
