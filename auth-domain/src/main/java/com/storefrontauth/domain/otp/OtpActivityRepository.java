package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** What happened per destination key: codes sent and wrong codes entered, with their times. */
public interface OtpActivityRepository {

    enum Kind {
        SENT,
        FAILED
    }

    void record(TokenHash destination, Kind kind, Instant at);

    /** What the limits need to know about an address, read in one query. */
    record Summary(
            Optional<Instant> lastSent,
            long sentInWindow,
            Optional<Instant> oldestSentInWindow,
            long failedInWindow,
            Optional<Instant> oldestFailedInWindow) {}

    /**
     * Sends since {@code sentSince} and failures since {@code failedSince} (both inclusive), and the newest
     * send since the earlier of the two.
     */
    Summary summarize(TokenHash destination, Instant sentSince, Instant failedSince);

    /** Deletes up to {@code limit} rows, of every destination, that occurred before {@code before}; how many. */
    int deleteBefore(Instant before, int limit);
}
