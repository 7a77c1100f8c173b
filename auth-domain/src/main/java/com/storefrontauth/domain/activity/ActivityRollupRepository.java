package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Audit events counted per store, type and UTC hour, kept for hours that are over ({@link ActivityRollup}). */
public interface ActivityRollupRepository {

    /** The end of the newest hour rolled up, or empty before the first roll-up. */
    Optional<Instant> rolledUntil();

    /**
     * Moves the roll-up's end from {@code expected} (empty: never rolled) to {@code hour} + 1 hour and replaces
     * that hour's counts, of every store, by a count of its audit events now. False, changing nothing, when the
     * end is no longer {@code expected}: another instance rolled the hour first. Concurrent callers wait for
     * each other, so an hour is never counted twice.
     */
    boolean rollUp(Optional<Instant> expected, Instant hour);

    /** The store's counts of {@code types} for the hours from {@code from} until (excluding) {@code until}. */
    List<HourlyCount> counts(StoreId store, Set<AuditEventType> types, Instant from, Instant until);

    /** Forgets the counts of the hours before {@code before}; how many rows. */
    int deleteBefore(Instant before);
}
