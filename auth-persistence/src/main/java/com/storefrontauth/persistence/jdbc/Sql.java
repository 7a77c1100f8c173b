package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.Dialect;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Prepared statements on the current transaction's connection (or a connection of their own outside
 * one): bind parameters, map rows, turn {@link SQLException} into unchecked failures. Parameters may be
 * {@link Instant} (stored as UTC {@code TIMESTAMP WITH TIME ZONE}), {@link Duration} (whole seconds),
 * enums (their name), null, or anything the driver binds itself.
 */
@Dependent
public class Sql {

    private static final int STREAM_FETCH_SIZE = 500;

    private final Connections connections;
    private final Transactions transactions;

    @Inject
    Sql(Connections connections, Transactions transactions) {
        this.connections = connections;
        this.transactions = transactions;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    public <T> Optional<T> one(String sql, Row<T> mapper, Object... parameters) {
        return connections.withConnection(
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        bind(statement, parameters);
                        try (ResultSet rows = statement.executeQuery()) {
                            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.<T>empty();
                        }
                    }
                },
                () -> "query " + firstWords(sql));
    }

    public <T> List<T> list(String sql, Row<T> mapper, Object... parameters) {
        return connections.withConnection(
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        bind(statement, parameters);
                        try (ResultSet rows = statement.executeQuery()) {
                            List<T> result = new ArrayList<>();
                            while (rows.next()) {
                                result.add(mapper.map(rows));
                            }
                            return result;
                        }
                    }
                },
                () -> "query " + firstWords(sql));
    }

    /**
     * Hands each row to {@code each} as it is read: with a fetch size inside the caller's transaction,
     * PostgreSQL sends the rows through a cursor, so a long listing is never held in memory at once.
     */
    public <T> void each(String sql, Row<T> mapper, Consumer<T> each, Object... parameters) {
        connections.withConnection(
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setFetchSize(STREAM_FETCH_SIZE);
                        bind(statement, parameters);
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                each.accept(mapper.map(rows));
                            }
                            return null;
                        }
                    }
                },
                () -> "query " + firstWords(sql));
    }

    /**
     * One page of {@code SELECT columns FROM fromWhere ORDER BY order} with the total of the whole listing;
     * the rows are not read when the page starts past the end. {@code order} must make the order total.
     */
    public <T> Page<T> page(
            String columns,
            String fromWhere,
            String order,
            Row<T> mapper,
            PageRequest request,
            List<Object> parameters) {
        long total = count("SELECT COUNT(*) FROM " + fromWhere, parameters.toArray());
        List<T> items = List.of();
        if (total > request.offset()) {
            List<Object> bounded = new ArrayList<>(parameters);
            bounded.add(request.size());
            bounded.add(request.offset());
            items = list(
                    "SELECT " + columns + " FROM " + fromWhere + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                    mapper,
                    bounded.toArray());
        }
        return new Page<>(items, request.page(), request.size(), total);
    }

    public boolean exists(String sql, Object... parameters) {
        return one(sql, row -> Boolean.TRUE, parameters).isPresent();
    }

    public long count(String sql, Object... parameters) {
        return one(sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    /** @return the number of rows changed */
    public int update(String sql, Object... parameters) {
        return connections.withConnection(
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        bind(statement, parameters);
                        return statement.executeUpdate();
                    }
                },
                () -> "run " + firstWords(sql));
    }

    /**
     * An update that a unique constraint may refuse (taking an email another row holds). It runs behind a
     * savepoint, in a transaction of its own when the thread has none: a refusal undoes this statement
     * only, and the surrounding transaction goes on (PostgreSQL would otherwise abort all of it).
     *
     * @return the number of rows changed; empty when a unique or primary key constraint refused the statement
     */
    public OptionalInt updateUnlessDuplicate(String sql, Object... parameters) {
        return transactions.required(() -> connections.withConnection(
                connection -> {
                    Savepoint savepoint = connection.setSavepoint();
                    int changed;
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        bind(statement, parameters);
                        changed = statement.executeUpdate();
                    } catch (SQLException e) {
                        RuntimeException failure = Connections.failure("run " + firstWords(sql), e);
                        if (failure instanceof DataAccessException refused && refused.isUniqueViolation()) {
                            connection.rollback(savepoint);
                            return OptionalInt.empty();
                        }
                        throw failure;
                    }
                    connection.releaseSavepoint(savepoint);
                    return OptionalInt.of(changed);
                },
                () -> "run " + firstWords(sql)));
    }

    /**
     * Runs an INSERT that a unique constraint may refuse. PostgreSQL would abort the whole transaction on a
     * failed INSERT, so there it is {@code ON CONFLICT <target> DO NOTHING} (which waits for a concurrent
     * inserter like the plain INSERT does); H2 only undoes the failed statement, so its violation is caught.
     *
     * @param conflictTarget the constraint's columns, e.g. {@code "(email)"}; empty for any constraint
     * @return false when a row with the same unique values exists (nothing written)
     */
    public boolean insertUnlessDuplicate(String insert, String conflictTarget, Object... values) {
        if (dialect() == Dialect.POSTGRESQL) {
            return update(insert + " ON CONFLICT " + conflictTarget + " DO NOTHING", values) == 1;
        }
        try {
            update(insert, values);
            return true;
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    public Dialect dialect() {
        return connections.dialect();
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Duration seconds(ResultSet row, String column) throws SQLException {
        return Duration.ofSeconds(row.getLong(column));
    }

    /** The value cut to the column's width, for free text from clients (user agents, identifiers). */
    public static String clip(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Duration duration) {
                statement.setLong(index, duration.getSeconds());
            } else if (value instanceof Enum<?> constant) {
                statement.setString(index, constant.name());
            } else {
                statement.setObject(index, value);
            }
        }
    }

    /** The statement's verb and table, for error messages: never parameter values. */
    private static String firstWords(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }
}
