package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A session store with the same compare-and-set contract as the database one; its clock plays the
 * database's, by which revocations are recorded whatever time the caller passes in.
 */
public class InMemorySessions implements SessionRepository {

    final Map<SessionId, Session> sessions = new ConcurrentHashMap<>();
    final Map<TokenHash, SpentRefreshToken> used = new ConcurrentHashMap<>();
    private final Map<SessionId, Instant> recorded = new ConcurrentHashMap<>();
    private final Clock databaseClock;

    public InMemorySessions(Clock databaseClock) {
        this.databaseClock = databaseClock;
    }

    /** This instance's revocations over these sessions, polled by {@code clock}. */
    public SessionRevocations revocations(Clock clock) {
        SessionRevocations revocations = new SessionRevocations();
        revocations.sessions = this;
        revocations.transactions = new DirectTransactions();
        revocations.clock = clock;
        revocations.peers = change -> {};
        return revocations;
    }

    @Override
    public void insert(Session session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<Session> find(StoreId store, SessionId id) {
        return Optional.ofNullable(sessions.get(id)).filter(session -> Objects.equals(session.store(), store));
    }

    @Override
    public boolean isRevoked(SessionId id) {
        return Optional.ofNullable(sessions.get(id))
                .map(session -> session.revokedAt() != null)
                .orElse(false);
    }

    @Override
    public void touch(SessionId id, Instant now) {
        sessions.computeIfPresent(
                id,
                (key, s) -> new Session(
                        s.id(),
                        s.store(),
                        s.kind(),
                        s.subject(),
                        s.anonymousId(),
                        s.createdAt(),
                        now,
                        s.expiresAt(),
                        s.idleTimeout(),
                        s.accessTokenTtl(),
                        s.revokedAt(),
                        s.revokeReason(),
                        s.client(),
                        s.refreshHash()));
    }

    @Override
    public Optional<Session> findByRefreshHash(StoreId store, TokenHash current) {
        return sessions.values().stream()
                .filter(s -> s.refreshHash().equals(current) && Objects.equals(s.store(), store))
                .findFirst();
    }

    @Override
    public Optional<SpentRefreshToken> findSpent(StoreId store, TokenHash hash) {
        return Optional.ofNullable(used.get(hash))
                .filter(spent -> find(store, spent.session()).isPresent());
    }

    @Override
    public synchronized boolean rotate(SessionId id, TokenHash usedHash, TokenHash next, Instant now) {
        if (used.putIfAbsent(usedHash, new SpentRefreshToken(id, now)) != null) {
            return false;
        }
        Session session = sessions.get(id);
        if (session.revokedAt() != null || !session.refreshHash().equals(usedHash)) {
            used.remove(usedHash);
            return false;
        }
        sessions.put(id, session.rotatedTo(next, now));
        return true;
    }

    @Override
    public synchronized boolean revoke(SessionId id, String reason, Instant now) {
        Session s = sessions.get(id);
        if (s == null || s.revokedAt() != null) {
            return false;
        }
        sessions.put(
                id,
                new Session(
                        s.id(),
                        s.store(),
                        s.kind(),
                        s.subject(),
                        s.anonymousId(),
                        s.createdAt(),
                        s.lastUsedAt(),
                        s.expiresAt(),
                        s.idleTimeout(),
                        s.accessTokenTtl(),
                        now,
                        reason,
                        s.client(),
                        s.refreshHash()));
        recorded.put(id, databaseClock.instant());
        return true;
    }

    @Override
    public List<Session> listUnrevoked(StoreId store, String subject, Instant now) {
        return sessions.values().stream()
                .filter(s -> store.equals(s.store()) && s.revokedAt() == null && now.isBefore(s.expiresAt()))
                .filter(s -> subject == null || s.subject().equals(subject))
                .sorted(Comparator.comparing(Session::createdAt).reversed())
                .toList();
    }

    @Override
    public int revokeAllOf(StoreId store, String subject, SessionId except, String reason, Instant now) {
        List<Session> targets = listUnrevoked(store, subject, Instant.MIN).stream()
                .filter(s -> !s.id().equals(except))
                .toList();
        targets.forEach(s -> revoke(s.id(), reason, now));
        return targets.size();
    }

    @Override
    public Page<Session> pageActive(StoreId store, SubjectKind kind, String subject, Instant now, PageRequest request) {
        List<Session> active = active(store, kind, now)
                .filter(s -> subject == null || s.subject().equals(subject))
                .sorted(Comparator.comparing(Session::createdAt)
                        .thenComparing(s -> s.id().value())
                        .reversed())
                .toList();
        List<Session> items =
                active.stream().skip(request.offset()).limit(request.size()).toList();
        return new Page<>(items, request.page(), request.size(), active.size());
    }

    @Override
    public long countActive(StoreId store, SubjectKind kind, Instant now, long limit) {
        return active(store, kind, now).limit(limit).count();
    }

    private Stream<Session> active(StoreId store, SubjectKind kind, Instant now) {
        return sessions.values().stream().filter(s -> store.equals(s.store()) && s.kind() == kind && s.isActive(now));
    }

    @Override
    public synchronized int revokeAllOfAccount(String subject, String reason, Instant now) {
        List<Session> targets = sessions.values().stream()
                .filter(s -> s.store() == null && s.subject().equals(subject) && s.revokedAt() == null)
                .toList();
        targets.forEach(s -> revoke(s.id(), reason, now));
        return targets.size();
    }

    @Override
    public Instant databaseTime() {
        return databaseClock.instant();
    }

    @Override
    public List<Revocation> revokedSince(Instant since) {
        return recorded.entrySet().stream()
                .filter(entry -> entry.getValue().isAfter(since))
                .map(entry -> new Revocation(entry.getKey(), entry.getValue()))
                .toList();
    }

    @Override
    public synchronized int deleteEndedBefore(Instant before, int limit) {
        List<SessionId> ended = sessions.values().stream()
                .filter(s -> s.usableUntil().isBefore(before)
                        || (recorded.containsKey(s.id()) && recorded.get(s.id()).isBefore(before)))
                .limit(limit)
                .map(Session::id)
                .toList();
        ended.forEach(sessions::remove);
        used.values().removeIf(spent -> ended.contains(spent.session()));
        return ended.size();
    }
}
