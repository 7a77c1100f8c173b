package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import java.time.Instant;
import java.util.Optional;

public interface OtpChallengeRepository {

    void insert(OtpChallenge challenge);

    /** Saves attempts, code, expiry and status; the row is locked by {@link #lock}. */
    void update(OtpChallenge challenge);

    /** Reads a challenge and holds its row lock until the unit of work ends, so attempts are counted exactly. */
    Optional<OtpChallenge> lock(TokenHash id);

    /** The newest open, unexpired merchant account challenge of {@code action} sent to this email. */
    Optional<OtpChallenge> lockOpenAccountChallenge(OtpAction action, String email, Instant now);

    /** Deletes challenges that expired before {@code before}. */
    int deleteExpired(Instant before);
}
