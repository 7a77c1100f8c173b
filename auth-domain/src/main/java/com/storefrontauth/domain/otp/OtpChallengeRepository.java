package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

public interface OtpChallengeRepository {

    void insert(OtpChallenge challenge);

    /** Saves attempts, code, expiry and status; the row is locked by {@link #lock}. */
    void update(OtpChallenge challenge);

    /**
     * Reads the store's challenge ({@code store} null: one of no store) and holds its row lock until the unit
     * of work ends, so attempts are counted exactly.
     */
    Optional<OtpChallenge> lock(StoreId store, TokenHash id);

    /** The newest open, unexpired merchant account challenge of {@code action} sent to this email. */
    Optional<OtpChallenge> lockOpenAccountChallenge(OtpAction action, String email, Instant now);

    /**
     * The store's newest open, unexpired challenge for one of {@code actions} sent to {@code destination}:
     * how a client that sends no {@code otp_token} (only the address and the code) finds its challenge.
     */
    Optional<OtpChallenge> lockNewestOpen(StoreId store, Destination destination, Set<OtpAction> actions, Instant now);

    /** Deletes up to {@code limit} challenges, across stores, that expired before {@code before}; how many. */
    int deleteExpired(Instant before, int limit);
}
