package com.storefrontauth.domain.signing;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.peer.PeerChange;
import com.storefrontauth.domain.peer.PeerChannel;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's signing keys, read from the database and kept in memory. Other instances' rotations
 * are picked up at once when they tell of them, otherwise within {@link #RELOAD_INTERVAL}, or at once
 * when a token names a key not seen yet.
 */
@ApplicationScoped
public class SigningKeyRing {

    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(30);
    // bounds how often random kids can make us query; also how long another instance's new key may go unseen
    private static final Duration UNKNOWN_KID_RELOAD_GAP = Duration.ofSeconds(1);

    @Inject
    SigningKeyRepository repository;

    @Inject
    Transactions transactions;

    @Inject
    StoreAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    PeerChannel peers;

    @Inject
    @ConfigProperty(name = "auth.signing.algorithm", defaultValue = "RS256")
    String configuredAlgorithm;

    private volatile List<SigningKey> keys = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.fromName(configuredAlgorithm)
                .orElseThrow(() -> new IllegalStateException(
                        "auth.signing.algorithm must be RS256 or ES256, not " + configuredAlgorithm));
    }

    /** The key that signs from now on; the first one is created on first use. */
    public SigningKey current() {
        return loaded().stream().filter(SigningKey::isActive).findFirst().orElseGet(this::createFirst);
    }

    /** Every key whose tokens may still be live: the JWKS. */
    public List<SigningKey> published() {
        Instant now = clock.instant();
        return loaded().stream().filter(key -> key.isPublished(now)).toList();
    }

    public Optional<SigningKey> find(String kid) {
        Optional<SigningKey> known =
                published().stream().filter(key -> key.kid().equals(kid)).findFirst();
        if (known.isEmpty() && clock.instant().isAfter(loadedAt.plus(UNKNOWN_KID_RELOAD_GAP))) {
            reload();
            return published().stream().filter(key -> key.kid().equals(kid)).findFirst();
        }
        return known;
    }

    public List<SigningKey> list(Operator operator) {
        access.requirePlatformAdmin(operator);
        return reload();
    }

    /** A new key signs from now on; the old one stays published until its tokens have expired. */
    public SigningKey rotate(Operator operator, ClientInfo client) {
        access.requirePlatformAdmin(operator);
        SigningKey next = SigningKey.generate(algorithm(), clock.instant());
        transactions.required(() -> {
            repository.retireAllActive(clock.instant());
            repository.insert(next);
            audit.record(
                    null,
                    AuditEventType.SIGNING_KEY_ROTATED,
                    operator.subject(),
                    client,
                    Map.of("kid", next.kid(), "algorithm", next.algorithm().name()));
        });
        reload();
        transactions.afterCommit(() -> peers.publish(PeerChange.of(PeerChange.Kind.SIGNING_KEYS_ROTATED)));
        return next;
    }

    /** Another instance rotated the key: the next use reads the keys, so this one signs with the new key too. */
    public void changedElsewhere() {
        loadedAt = Instant.EPOCH;
    }

    private List<SigningKey> loaded() {
        if (clock.instant().isAfter(loadedAt.plus(RELOAD_INTERVAL))) {
            return reload();
        }
        return keys;
    }

    private synchronized List<SigningKey> reload() {
        keys = transactions.required(repository::findAll);
        loadedAt = clock.instant();
        return keys;
    }

    private synchronized SigningKey createFirst() {
        return reload().stream().filter(SigningKey::isActive).findFirst().orElseGet(() -> {
            SigningKey first = SigningKey.generate(algorithm(), clock.instant());
            transactions.required(() -> repository.insert(first));
            reload();
            return first;
        });
    }
}
