package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.BoundedDeletes;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets sessions a week after they ended, with their spent refresh tokens and opaque access tokens. A session
 * ends by revocation, by idle time (unused for its idle timeout) or by its absolute expiry, whichever comes
 * first ({@link Session#usableUntil}): one abandoned after a single use is forgotten a week after its idle
 * window closed, not a week after an absolute expiry that may be a year away. A week outlives any access token
 * (at most a day) and any refresh retry, so no token of a forgotten session can still be presented as live; an
 * active session is never touched, however old it or its spent tokens are, because those are what tells a
 * replayed refresh token from an unknown one.
 */
@ApplicationScoped
public class SessionRetention {

    static final Duration KEEP_ENDED = Duration.ofDays(7);
    /** Sessions deleted per transaction, so that a large backlog never holds locks for long. */
    static final int BATCH = 500;

    @Inject
    SessionRepository sessions;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    protected SessionRetention() {
        // for CDI
    }

    public SessionRetention(SessionRepository sessions, Transactions transactions, Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How many sessions were forgotten. */
    public int prune() {
        Instant endedBefore = clock.instant().minus(KEEP_ENDED);
        return new BoundedDeletes(transactions, BATCH)
                .deleteAll(limit -> sessions.deleteEndedBefore(endedBefore, limit));
    }
}
