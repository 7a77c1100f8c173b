package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.otp.OtpActivityRepository;
import com.storefrontauth.domain.shared.TokenHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Codes sent and wrong codes entered, one row each, per destination key: the sliding windows of the
 * send limit and the failure budget are counts over these rows. Old rows are pruned by {@link #deleteBefore}.
 */
@ApplicationScoped
public class JdbcOtpActivityRepository implements OtpActivityRepository {

    /**
     * Each window counts from its own start (inclusive); the newest send is looked for from the earlier of
     * the two starts. COUNT over CASE, not SUM, so an address without rows reads zero rather than NULL.
     */
    private static final String SUMMARY = "SELECT"
            + " MAX(CASE WHEN kind = ? THEN occurred_at END) AS last_sent,"
            + " COUNT(CASE WHEN kind = ? AND occurred_at >= ? THEN 1 END) AS sent_in_window,"
            + " MIN(CASE WHEN kind = ? AND occurred_at >= ? THEN occurred_at END) AS oldest_sent,"
            + " COUNT(CASE WHEN kind = ? AND occurred_at >= ? THEN 1 END) AS failed_in_window,"
            + " MIN(CASE WHEN kind = ? AND occurred_at >= ? THEN occurred_at END) AS oldest_failed"
            + " FROM otp_activity WHERE destination_key = ? AND occurred_at >= ?";

    @Inject
    Sql sql;

    protected JdbcOtpActivityRepository() {
        // for CDI
    }

    JdbcOtpActivityRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void record(TokenHash destination, Kind kind, Instant at) {
        sql.update(
                "INSERT INTO otp_activity (destination_key, kind, occurred_at) VALUES (?, ?, ?)",
                destination.hex(),
                kind,
                at);
    }

    @Override
    public Summary summarize(TokenHash destination, Instant sentSince, Instant failedSince) {
        Instant since = sentSince.isBefore(failedSince) ? sentSince : failedSince;
        return sql.one(
                        SUMMARY,
                        row -> new Summary(
                                Optional.ofNullable(Sql.instant(row, "last_sent")),
                                row.getLong("sent_in_window"),
                                Optional.ofNullable(Sql.instant(row, "oldest_sent")),
                                row.getLong("failed_in_window"),
                                Optional.ofNullable(Sql.instant(row, "oldest_failed"))),
                        Kind.SENT,
                        Kind.SENT,
                        sentSince,
                        Kind.SENT,
                        sentSince,
                        Kind.FAILED,
                        failedSince,
                        Kind.FAILED,
                        failedSince,
                        destination.hex(),
                        since)
                .orElseThrow(); // an aggregate without GROUP BY always yields one row
    }

    @Override
    public int deleteBefore(Instant before) {
        return sql.update("DELETE FROM otp_activity WHERE occurred_at < ?", before);
    }
}
