package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Counts each hour's audit events once the hour is over, so that the dashboard sums at most 7 × 24 rows a store
 * instead of counting a week of events on every view. Hours are rolled in order, each in its own transaction
 * that claims it by moving the roll-up's end ({@link ActivityRollupRepository#rollUp}): every instance runs
 * this, none counts an hour another has. An hour is over {@link #GRACE} after its end, when no transaction
 * that wrote an event stamped inside it can still be open. Counts older than the dashboard shows are forgotten.
 * The counts outlive the events: an audit retention shorter than the dashboard's week does not empty its chart.
 */
@ApplicationScoped
public class ActivityRollup {

    /** Longer than any transaction runs (their timeout), so an hour's events are all committed when it is rolled. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private ActivityRollupRepository rollups;
    private Transactions transactions;
    private Clock clock;

    protected ActivityRollup() {
        // for CDI proxies
    }

    @Inject
    public ActivityRollup(ActivityRollupRepository rollups, Transactions transactions, Clock clock) {
        this.rollups = rollups;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Rolls every hour that is over and not yet rolled, from the dashboard's first hour at the earliest; how many. */
    public int run() {
        Instant now = clock.instant();
        Instant over = completeUntil(now);
        Instant horizon = ActivitySummary.since(now);
        int rolled = 0;
        Optional<Instant> end = transactions.required(rollups::rolledUntil);
        while (true) {
            Instant hour = end.filter(horizon::isBefore).orElse(horizon);
            Instant next = hour.plus(Duration.ofHours(1));
            if (next.isAfter(over)) {
                break;
            }
            Optional<Instant> expected = end;
            if (transactions.required(() -> rollups.rollUp(expected, hour))) {
                rolled++;
                end = Optional.of(next);
            } else {
                // another instance rolled it: go on from where the roll-up ends now
                end = transactions.required(rollups::rolledUntil);
                if (end.equals(expected)) {
                    break;
                }
            }
        }
        transactions.required(() -> rollups.deleteBefore(horizon));
        return rolled;
    }

    /** The end of the hours that are over at {@code now}: every hour ending at or before it may be rolled. */
    static Instant completeUntil(Instant now) {
        return now.minus(GRACE).truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * Where the dashboard's live count starts: the roll-up's end when it lies inside the dashboard's period
     * (the hours before it are summed from the roll-up), else the period's start (nothing rolled to use).
     */
    static Instant liveFrom(Instant since, Optional<Instant> rolledUntil) {
        return rolledUntil.filter(end -> end.isAfter(since)).orElse(since);
    }
}
