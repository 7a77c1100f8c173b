package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.signing.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which sessions have been revoked, held in memory so that checking a bearer token costs no query.
 * Sessions revoked here are known at once (the revoking code calls {@link #pollNow()}); those revoked
 * by another instance are picked up by a poll at most {@link #POLL_INTERVAL} old (API.md: within 2 s
 * on every other instance). Polls go by the database's clock, never this instance's: each asks for the
 * revocations recorded since the database time of the previous one, so clock skew between instances
 * cannot make one miss a revocation. Entries are dropped once every access token of the session has
 * expired.
 */
@ApplicationScoped
public class SessionRevocations {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    // A revocation records its transaction's database time but becomes visible at commit, possibly after
    // a poll that read a later time: each poll looks this far behind the previous one.
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    @Inject
    SessionRepository sessions;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    private final Map<SessionId, Instant> revoked = new ConcurrentHashMap<>();
    private final ReentrantLock polling = new ReentrantLock();
    private volatile Instant polledAt;
    private Instant polledAtDatabaseTime;

    public boolean isRevoked(SessionId id) {
        Instant last = polledAt;
        if ((last == null || clock.instant().isAfter(last.plus(POLL_INTERVAL))) && polling.tryLock()) {
            try {
                poll();
            } finally {
                polling.unlock();
            }
        } else if (last == null) {
            pollNow();
        }
        return revoked.containsKey(id);
    }

    /** Reads revocations now; called by code that has just revoked sessions, inside its transaction. */
    public void pollNow() {
        polling.lock();
        try {
            poll();
        } finally {
            polling.unlock();
        }
    }

    private void poll() {
        Instant now = clock.instant();
        transactions.required(() -> {
            Instant databaseTime = sessions.databaseTime();
            Instant horizon = databaseTime.minus(SigningKey.LONGEST_TOKEN_LIFETIME);
            Instant since = polledAtDatabaseTime == null ? horizon : polledAtDatabaseTime.minus(OVERLAP);
            sessions.revokedSince(since).forEach(revocation -> revoked.put(revocation.id(), revocation.recordedAt()));
            revoked.values().removeIf(at -> at.isBefore(horizon));
            polledAtDatabaseTime = databaseTime;
        });
        polledAt = now;
    }
}
