package com.storefrontauth.domain.delivery;

import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.message.InMemoryMessageTemplates;
import com.storefrontauth.domain.otp.OtpCodes;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An outbox table in memory, with the semantics of the JDBC one: leases, erasure of the sealed copies
 * once a message is done with (unless retained), and status changes only from pending.
 */
public class InMemoryOutbox implements OutboxRepository {

    private final Map<String, OutboxMessage> rows = new LinkedHashMap<>();
    private final Map<String, Instant> leases = new HashMap<>();

    /** A real {@link Outbox} over this table, wired by hand. */
    public Outbox outbox(
            MessageTransport transport, OtpCodes codes, AuditLog audit, Transactions transactions, Clock clock) {
        Outbox outbox = new Outbox();
        outbox.messages = this;
        outbox.transport = transport;
        outbox.codes = codes;
        outbox.templates = InMemoryMessageTemplates.composing();
        outbox.audit = audit;
        outbox.transactions = transactions;
        outbox.clock = clock;
        return outbox;
    }

    public synchronized List<OutboxMessage> all() {
        return List.copyOf(rows.values());
    }

    public synchronized Optional<OutboxMessage> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Takes a copy of the table; running the answer puts the copy back (a rolled-back unit of work). */
    public synchronized Runnable snapshot() {
        Map<String, OutboxMessage> savedRows = new LinkedHashMap<>(rows);
        Map<String, Instant> savedLeases = new HashMap<>(leases);
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(savedRows);
                leases.clear();
                leases.putAll(savedLeases);
            }
        };
    }

    @Override
    public synchronized void insert(OutboxMessage message) {
        if (rows.putIfAbsent(message.id(), message) != null) {
            throw new IllegalStateException("duplicate message id " + message.id());
        }
    }

    @Override
    public synchronized List<OutboxMessage> leaseDue(Instant now, Instant leaseUntil, int limit) {
        List<OutboxMessage> due = rows.values().stream()
                .filter(message -> message.status() == OutboxMessage.Status.PENDING)
                .filter(message -> !message.nextAttemptAt().isAfter(now))
                .filter(message -> leases.get(message.id()) == null
                        || !leases.get(message.id()).isAfter(now))
                .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparing(OutboxMessage::id))
                .limit(limit)
                .toList();
        due.forEach(message -> leases.put(message.id(), leaseUntil));
        return due;
    }

    @Override
    public synchronized void markDelivered(OutboxMessage message, String transport, Instant at) {
        String id = message.id();
        OutboxMessage m = rows.get(id);
        leases.remove(id);
        rows.put(
                id,
                new OutboxMessage(
                        m.id(),
                        m.store(),
                        m.challenge(),
                        m.channel(),
                        m.recipient(),
                        m.subject(),
                        m.retained() ? m.sealedText() : null,
                        m.retained() ? m.sealedCode() : null,
                        m.retained() ? m.sealedHtml() : null,
                        m.retained(),
                        OutboxMessage.Status.DELIVERED,
                        m.attempts(),
                        m.nextAttemptAt(),
                        m.expiresAt(),
                        m.createdAt(),
                        at,
                        transport,
                        m.lastError()));
    }

    @Override
    public synchronized void reschedule(String id, int attempts, Instant nextAttemptAt, String error) {
        OutboxMessage m = rows.get(id);
        leases.remove(id);
        if (m.status() != OutboxMessage.Status.PENDING) {
            return;
        }
        rows.put(
                id,
                new OutboxMessage(
                        m.id(),
                        m.store(),
                        m.challenge(),
                        m.channel(),
                        m.recipient(),
                        m.subject(),
                        m.sealedText(),
                        m.sealedCode(),
                        m.sealedHtml(),
                        m.retained(),
                        m.status(),
                        attempts,
                        nextAttemptAt,
                        m.expiresAt(),
                        m.createdAt(),
                        m.deliveredAt(),
                        m.transport(),
                        error));
    }

    @Override
    public synchronized void markExpired(OutboxMessage message, String error) {
        finish(message.id(), OutboxMessage.Status.EXPIRED, error);
    }

    @Override
    public synchronized int supersedePending(TokenHash challenge) {
        List<String> pending = new ArrayList<>();
        rows.values().stream()
                .filter(message -> message.challenge().equals(challenge))
                .filter(message -> message.status() == OutboxMessage.Status.PENDING)
                .forEach(message -> pending.add(message.id()));
        pending.forEach(id -> finish(id, OutboxMessage.Status.SUPERSEDED, null));
        return pending.size();
    }

    @Override
    public Page<OutboxMessage> page(StoreId store, PageRequest request) {
        throw new UnsupportedOperationException("domain tests read all()");
    }

    /** As the JPA one: never a pending message, and no more than {@code limit}. */
    @Override
    public synchronized int deleteCreatedBefore(Instant before, int limit) {
        List<String> old = rows.values().stream()
                .filter(message -> message.createdAt().isBefore(before))
                .filter(message -> message.status() != OutboxMessage.Status.PENDING)
                .map(OutboxMessage::id)
                .limit(limit)
                .toList();
        old.forEach(rows::remove);
        return old.size();
    }

    private void finish(String id, OutboxMessage.Status status, String error) {
        OutboxMessage m = rows.get(id);
        leases.remove(id);
        if (m.status() != OutboxMessage.Status.PENDING) {
            return;
        }
        rows.put(
                id,
                new OutboxMessage(
                        m.id(),
                        m.store(),
                        m.challenge(),
                        m.channel(),
                        m.recipient(),
                        m.subject(),
                        m.retained() ? m.sealedText() : null,
                        m.retained() ? m.sealedCode() : null,
                        m.retained() ? m.sealedHtml() : null,
                        m.retained(),
                        status,
                        m.attempts(),
                        m.nextAttemptAt(),
                        m.expiresAt(),
                        m.createdAt(),
                        m.deliveredAt(),
                        m.transport(),
                        error == null ? m.lastError() : error));
    }
}
