package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Challenge rows in memory. Like a table it hands out copies: a change to a challenge is kept only
 * once it is {@link #update}d.
 */
class InMemoryOtpChallenges implements OtpChallengeRepository {

    private final Map<TokenHash, OtpChallenge> rows = new LinkedHashMap<>();

    synchronized Optional<OtpChallenge> find(TokenHash id) {
        return Optional.ofNullable(rows.get(id)).map(InMemoryOtpChallenges::copy);
    }

    synchronized List<OtpChallenge> all() {
        return rows.values().stream().map(InMemoryOtpChallenges::copy).toList();
    }

    synchronized Runnable snapshot() {
        Map<TokenHash, OtpChallenge> saved = new LinkedHashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(saved);
            }
        };
    }

    @Override
    public synchronized void insert(OtpChallenge challenge) {
        if (rows.putIfAbsent(challenge.id(), copy(challenge)) != null) {
            throw new IllegalStateException("duplicate challenge");
        }
    }

    @Override
    public synchronized void update(OtpChallenge challenge) {
        if (rows.replace(challenge.id(), copy(challenge)) == null) {
            throw new IllegalStateException("no such challenge");
        }
    }

    @Override
    public synchronized Optional<OtpChallenge> lock(StoreId store, TokenHash id) {
        return find(id).filter(challenge -> Objects.equals(challenge.store(), store));
    }

    @Override
    public synchronized Optional<OtpChallenge> lockOpenAccountChallenge(OtpAction action, String email, Instant now) {
        return rows.values().stream()
                .filter(found -> found.action() == action)
                .filter(found -> found.channel() == OtpChannel.EMAIL
                        && found.destination().address().equals(email))
                .filter(found -> found.isOpen(now))
                .max(Comparator.comparing(OtpChallenge::createdAt))
                .map(InMemoryOtpChallenges::copy);
    }

    @Override
    public synchronized Optional<OtpChallenge> lockNewestOpen(
            StoreId store, Destination destination, Set<OtpAction> actions, Instant now) {
        return rows.values().stream()
                .filter(found -> Objects.equals(found.store(), store) && actions.contains(found.action()))
                .filter(found -> found.destination().equals(destination))
                .filter(found -> found.isOpen(now))
                .max(Comparator.comparing(OtpChallenge::lastSentAt).thenComparing(OtpChallenge::createdAt))
                .map(InMemoryOtpChallenges::copy);
    }

    @Override
    public synchronized int deleteExpired(Instant before, int limit) {
        List<TokenHash> expired = rows.values().stream()
                .filter(found -> found.expiresAt().isBefore(before))
                .map(OtpChallenge::id)
                .limit(limit)
                .toList();
        expired.forEach(rows::remove);
        return expired.size();
    }

    private static OtpChallenge copy(OtpChallenge c) {
        return new OtpChallenge(
                c.id(),
                c.store(),
                c.action(),
                c.destination(),
                c.subject(),
                c.decoy(),
                c.codeHash(),
                c.attempts(),
                c.maxAttempts(),
                c.sends(),
                c.lastSentAt(),
                c.expiresAt(),
                c.status(),
                c.createdAt());
    }
}
