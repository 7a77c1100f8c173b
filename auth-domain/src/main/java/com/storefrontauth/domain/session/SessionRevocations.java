package com.storefrontauth.domain.session;

import com.storefrontauth.domain.peer.PeerChange;
import com.storefrontauth.domain.peer.PeerChannel;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.signing.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which sessions have been revoked, held in memory so that checking a bearer token costs no query.
 * Sessions revoked here are known as soon as their ending commits ({@link SessionEnding} then calls
 * {@link #pollNow()}); the other instances of a cluster are told at that moment and read it at their next
 * check ({@link #revokedElsewhere()}); one that did not hear picks it up by a poll at most
 * {@link #POLL_INTERVAL} old (API.md: within 2 s on every other instance). Polls go by the database's clock,
 * never this instance's: each asks for the revocations recorded since the database time of the previous one,
 * so clock skew between instances cannot make one miss a revocation. Entries are dropped once every access
 * token of the session has
 * expired. A flood of sign-ins and logouts cannot grow the set past {@link #MAX_ENTRIES} entries: the earliest
 * revoked (the first whose tokens expire) make room, and until every token they could have had has
 * expired, a session not in the set is looked up in the database instead (slower, never wrong).
 */
@ApplicationScoped
public class SessionRevocations {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    // A revocation records its transaction's database time but becomes visible at commit, possibly after
    // a poll that read a later time: each poll looks this far behind the previous one.
    private static final Duration OVERLAP = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 200_000;

    @Inject
    SessionRepository sessions;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    PeerChannel peers;

    private final Map<SessionId, Instant> revoked = new ConcurrentHashMap<>();
    private final ReentrantLock polling = new ReentrantLock();
    // another instance revoked sessions since the last poll began
    private final AtomicBoolean toldOfRevocations = new AtomicBoolean();
    private volatile Instant polledAt;
    private Instant polledAtDatabaseTime;
    // the newest revocation time among entries dropped for room; null while none may be missing
    private volatile Instant droppedThrough;
    int maxEntries = MAX_ENTRIES;

    public boolean isRevoked(SessionId id) {
        Instant last = polledAt;
        boolean due = last == null || toldOfRevocations.get() || clock.instant().isAfter(last.plus(POLL_INTERVAL));
        if (due && polling.tryLock()) {
            try {
                poll();
            } finally {
                polling.unlock();
            }
        } else if (last == null) {
            pollLocked();
        }
        if (revoked.containsKey(id)) {
            return true;
        }
        return droppedThrough != null && transactions.required(() -> sessions.isRevoked(id));
    }

    /** How many revocations are held in memory. */
    int size() {
        return revoked.size();
    }

    /**
     * Reads revocations now and tells the other instances to; {@link SessionEnding} calls it once the sessions
     * it ended have committed (called inside a transaction, the telling waits for its commit).
     */
    public void pollNow() {
        pollLocked();
        transactions.afterCommit(() -> peers.publish(PeerChange.of(PeerChange.Kind.SESSIONS_REVOKED)));
    }

    /** Another instance has committed revocations: the next check reads them. */
    public void revokedElsewhere() {
        toldOfRevocations.set(true);
    }

    private void pollLocked() {
        polling.lock();
        try {
            poll();
        } finally {
            polling.unlock();
        }
    }

    private void poll() {
        toldOfRevocations.set(false);
        Instant now = clock.instant();
        transactions.required(() -> {
            Instant databaseTime = sessions.databaseTime();
            Instant horizon = databaseTime.minus(SigningKey.LONGEST_TOKEN_LIFETIME);
            Instant since = polledAtDatabaseTime == null ? horizon : polledAtDatabaseTime.minus(OVERLAP);
            sessions.revokedSince(since).forEach(revocation -> revoked.put(revocation.id(), revocation.recordedAt()));
            revoked.values().removeIf(at -> at.isBefore(horizon));
            if (droppedThrough != null && droppedThrough.isBefore(horizon)) {
                droppedThrough = null;
            }
            makeRoom();
            polledAtDatabaseTime = databaseTime;
        });
        polledAt = now;
    }

    /** Past the cap, drops the earliest revoked down to nine tenths of it (so this sort runs seldom). */
    private void makeRoom() {
        int excess = revoked.size() - maxEntries;
        if (excess <= 0) {
            return;
        }
        int drop = excess + maxEntries / 10;
        List<Map.Entry<SessionId, Instant>> earliest = revoked.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(drop)
                .toList();
        Instant newest = earliest.get(earliest.size() - 1).getValue();
        // mark before removing: a check between the two must not miss a dropped session
        droppedThrough = droppedThrough == null || newest.isAfter(droppedThrough) ? newest : droppedThrough;
        earliest.forEach(entry -> revoked.remove(entry.getKey(), entry.getValue()));
    }
}
