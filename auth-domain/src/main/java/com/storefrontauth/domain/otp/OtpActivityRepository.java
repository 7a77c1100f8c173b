package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** What happened per destination key: codes sent and wrong codes entered, with their times. */
public interface OtpActivityRepository {

    enum Kind {
        SENT, FAILED
    }

    void record(TokenHash destination, Kind kind, Instant at);

    long count(TokenHash destination, Kind kind, Instant since);

    /** The oldest entry since {@code since}: it decides when the window has room again. */
    Optional<Instant> oldest(TokenHash destination, Kind kind, Instant since);

    Optional<Instant> newest(TokenHash destination, Kind kind);

    int deleteBefore(Instant before);
}
