package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A store's dashboard figures: today's (UTC) sign-ins, failed attempts and codes sent, the sessions in use
 * now, and the same counts per hour over the last 24 hours and per day over the last 7 days.
 * {@code activeSessions} stops at {@link #ACTIVE_SESSIONS_COUNTED}, {@code moreActiveSessions} telling there are more.
 */
public record ActivitySummary(
        Bucket today, long activeSessions, boolean moreActiveSessions, List<Bucket> lastDay, List<Bucket> lastWeek) {

    /**
     * Active sessions are counted up to this many: an exact count reads every live session of the store (120 ms
     * at half a million), one that stops here about twice as many rows as this (under 1 ms), and a card reading
     * "1000+" tells a merchant what the dashboard is for: that the store is busy.
     */
    public static final long ACTIVE_SESSIONS_COUNTED = 1_000;

    /** Successful sign-ins of every kind (password, code, owner). */
    static final Set<AuditEventType> SIGN_INS = Set.of(AuditEventType.LOGIN_SUCCEEDED);
    /** A wrong password or a wrong code: what an attack on the store's sign-in looks like. */
    static final Set<AuditEventType> FAILURES = Set.of(AuditEventType.LOGIN_FAILED, AuditEventType.OTP_FAILED);

    static final Set<AuditEventType> CODES_SENT = Set.of(AuditEventType.OTP_SENT);

    public record Bucket(Instant start, long signIns, long failures, long codesSent) {

        Bucket plus(HourlyCount count) {
            AuditEventType type = count.type();
            return new Bucket(
                    start,
                    signIns + (SIGN_INS.contains(type) ? count.count() : 0),
                    failures + (FAILURES.contains(type) ? count.count() : 0),
                    codesSent + (CODES_SENT.contains(type) ? count.count() : 0));
        }
    }

    /** Every event type the summary counts. */
    static Set<AuditEventType> tracked() {
        Set<AuditEventType> all = new HashSet<>(SIGN_INS);
        all.addAll(FAILURES);
        all.addAll(CODES_SENT);
        return Set.copyOf(all);
    }

    /** Where the counts start: midnight UTC six days before today. */
    static Instant since(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).minus(6, ChronoUnit.DAYS);
    }

    /**
     * Folds hourly counts (since {@link #since}) into today's figures and the two series; empty hours count zero.
     * {@code activeSessions} past {@link #ACTIVE_SESSIONS_COUNTED} shows as that many and more.
     */
    static ActivitySummary of(List<HourlyCount> counts, long activeSessions, Instant now) {
        Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).minus(23, ChronoUnit.HOURS);
        Instant firstDay = since(now);
        List<Bucket> hours = buckets(firstHour, Duration.ofHours(1), 24);
        List<Bucket> days = buckets(firstDay, Duration.ofDays(1), 7);
        for (HourlyCount count : counts) {
            add(hours, firstHour, Duration.ofHours(1), count);
            add(days, firstDay, Duration.ofDays(1), count);
        }
        // the last day of the week is today
        boolean more = activeSessions > ACTIVE_SESSIONS_COUNTED;
        return new ActivitySummary(
                days.get(6),
                more ? ACTIVE_SESSIONS_COUNTED : activeSessions,
                more,
                List.copyOf(hours),
                List.copyOf(days));
    }

    private static List<Bucket> buckets(Instant first, Duration width, int count) {
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new Bucket(first.plus(width.multipliedBy(i)), 0, 0, 0));
        }
        return buckets;
    }

    private static void add(List<Bucket> buckets, Instant first, Duration width, HourlyCount count) {
        if (count.hour().isBefore(first)) {
            return;
        }
        long index = Duration.between(first, count.hour()).toSeconds() / width.toSeconds();
        if (index < buckets.size()) {
            int at = (int) index;
            buckets.set(at, buckets.get(at).plus(count));
        }
    }
}
