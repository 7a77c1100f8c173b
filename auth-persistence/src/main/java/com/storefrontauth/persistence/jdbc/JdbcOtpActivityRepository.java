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

    private static final String WINDOW =
            " FROM otp_activity WHERE destination_key = ? AND kind = ? AND occurred_at >= ?";

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
        sql.update("INSERT INTO otp_activity (destination_key, kind, occurred_at) VALUES (?, ?, ?)", destination.hex(),
                kind, at);
    }

    /** Entries at or after {@code since}. */
    @Override
    public long count(TokenHash destination, Kind kind, Instant since) {
        return sql.count("SELECT COUNT(*)" + WINDOW, destination.hex(), kind, since);
    }

    @Override
    public Optional<Instant> oldest(TokenHash destination, Kind kind, Instant since) {
        return sql.one("SELECT MIN(occurred_at) AS oldest" + WINDOW,
                row -> Optional.ofNullable(Sql.instant(row, "oldest")), destination.hex(), kind, since)
                .flatMap(oldest -> oldest);
    }

    @Override
    public Optional<Instant> newest(TokenHash destination, Kind kind) {
        return sql.one("SELECT MAX(occurred_at) AS newest FROM otp_activity WHERE destination_key = ? AND kind = ?",
                row -> Optional.ofNullable(Sql.instant(row, "newest")), destination.hex(), kind)
                .flatMap(newest -> newest);
    }

    @Override
    public int deleteBefore(Instant before) {
        return sql.update("DELETE FROM otp_activity WHERE occurred_at < ?", before);
    }
}
