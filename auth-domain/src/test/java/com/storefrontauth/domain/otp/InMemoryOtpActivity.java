package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Sends and failures per destination key in memory; windows count entries at or after {@code since}, as JDBC does. */
class InMemoryOtpActivity implements OtpActivityRepository {

    private record Entry(TokenHash destination, Kind kind, Instant at) {}

    private final List<Entry> entries = new ArrayList<>();

    synchronized long total(Kind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).count();
    }

    synchronized Runnable snapshot() {
        List<Entry> saved = new ArrayList<>(entries);
        return () -> {
            synchronized (this) {
                entries.clear();
                entries.addAll(saved);
            }
        };
    }

    @Override
    public synchronized void record(TokenHash destination, Kind kind, Instant at) {
        entries.add(new Entry(destination, kind, at));
    }

    @Override
    public synchronized Summary summarize(TokenHash destination, Instant sentSince, Instant failedSince) {
        Instant since = sentSince.isBefore(failedSince) ? sentSince : failedSince;
        return new Summary(
                window(destination, Kind.SENT, since).map(Entry::at).max(Comparator.naturalOrder()),
                window(destination, Kind.SENT, sentSince).count(),
                window(destination, Kind.SENT, sentSince).map(Entry::at).min(Comparator.naturalOrder()),
                window(destination, Kind.FAILED, failedSince).count(),
                window(destination, Kind.FAILED, failedSince).map(Entry::at).min(Comparator.naturalOrder()));
    }

    @Override
    public synchronized int deleteBefore(Instant before, int limit) {
        int deleted = 0;
        for (Iterator<Entry> rows = entries.iterator(); rows.hasNext() && deleted < limit; ) {
            if (rows.next().at().isBefore(before)) {
                rows.remove();
                deleted++;
            }
        }
        return deleted;
    }

    private Stream<Entry> window(TokenHash destination, Kind kind, Instant since) {
        return entries.stream()
                .filter(entry -> entry.destination().equals(destination) && entry.kind() == kind)
                .filter(entry -> !entry.at().isBefore(since));
    }
}
