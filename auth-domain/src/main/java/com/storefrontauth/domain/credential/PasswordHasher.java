package com.storefrontauth.domain.credential;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.StoreId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id password hashing (OWASP: 19 MiB, t=2, p=1 by default) with BouncyCastle's generator. The PHC
 * string keeps its own parameters, so raising the cost later re-hashes at the next sign-in. Concurrent
 * hashing is bounded by the core count, each slot reusing its Argon2 memory while sign-ins keep coming
 * ({@link #releaseIdleMemory()}), and one store holds at most half of the slots ({@link HashingShare}): a
 * request that cannot start within a second is told to retry ({@code 429 rate_limited},
 * {@code Retry-After: 1}) instead of piling up memory-hard work.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final long WAIT_MILLIS = 1000;
    /** How long a slot keeps its Argon2 memory after its last hash. */
    public static final Duration MEMORY_KEPT = Duration.ofSeconds(5);
    /** The share of every hash that is not a store's: merchant and platform admin accounts. */
    private static final String PLATFORM = "";

    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "auth.password.argon2.memory-kib", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "auth.password.argon2.iterations", defaultValue = "2")
    int iterations;

    // One slot per core: a hash runs only while it holds a slot, and reuses that slot's Argon2 memory.
    private BlockingQueue<Argon2Memory> slots;
    private int slotCount;
    private HashingShare shares;
    private String dummyHash;

    public PasswordHasher() {
        // configured by CDI, or by the test constructor
    }

    PasswordHasher(int memoryKib, int iterations) {
        this(memoryKib, iterations, Runtime.getRuntime().availableProcessors());
    }

    PasswordHasher(int memoryKib, int iterations, int concurrent) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        init(concurrent);
    }

    @PostConstruct
    void init() {
        init(Runtime.getRuntime().availableProcessors());
    }

    private void init(int concurrent) {
        shares = new HashingShare(concurrent);
        slotCount = concurrent;
        slots = new ArrayBlockingQueue<>(concurrent, true);
        for (int i = 0; i < concurrent; i++) {
            slots.add(new Argon2Memory(memoryKib));
        }
        dummyHash = bounded(PLATFORM, memory -> fresh("dummy password for unknown identifiers", memory));
    }

    /**
     * Gives the memory of every slot without a hash for {@link #MEMORY_KEPT} back to the heap: 19 MiB a slot
     * that would otherwise stay in the old generation for good after the first sign-ins, where under G1 on a
     * heap of a few hundred megabytes it keeps the occupancy above the marking threshold and the collector
     * marking without end (README, Measurements). The next hash on a released slot allocates its blocks anew;
     * under a steady flow of sign-ins the slots keep theirs. Returns the number of slots released.
     */
    public int releaseIdleMemory() {
        return releaseIdleMemory(System.nanoTime());
    }

    int releaseIdleMemory(long nowNanos) {
        long unusedSince = nowNanos - MEMORY_KEPT.toNanos();
        int released = 0;
        // a slot is only touched while taken from the queue, as a hash takes it; a hash waiting meanwhile waits
        // for the microseconds this takes
        for (int i = 0; i < slotCount; i++) {
            Argon2Memory memory = slots.poll();
            if (memory == null) {
                break; // the others are hashing
            }
            try {
                if (memory.releaseIfUnusedSince(unusedSince)) {
                    released++;
                }
            } finally {
                slots.add(memory);
            }
        }
        return released;
    }

    /** A hash for a merchant or platform admin account. */
    public String hash(String password) {
        return hash(null, password);
    }

    /** A hash for a customer of {@code store}, within the store's share of the slots. */
    public String hash(StoreId store, String password) {
        return bounded(tenant(store), memory -> fresh(password, memory));
    }

    /** Checks a merchant or platform admin password; see {@link #verify(StoreId, String, String)}. */
    public Verification verify(String storedHash, String password) {
        return verify(null, storedHash, password);
    }

    /** Checks a password; {@link Verification#rehash()} holds a new hash when the cost has changed. */
    public Verification verify(StoreId store, String storedHash, String password) {
        Argon2Hash stored = Argon2Hash.parse(storedHash)
                .orElseThrow(() -> new IllegalStateException("a stored password hash is not an Argon2id PHC string"));
        return bounded(tenant(store), memory -> {
            byte[] candidate = derive(
                    password,
                    stored.salt(),
                    stored.memoryKib(),
                    stored.iterations(),
                    stored.parallelism(),
                    stored.hash().length,
                    memory);
            boolean matches = MessageDigest.isEqual(candidate, stored.hash());
            String rehash =
                    matches && !stored.hasCost(memoryKib, iterations, PARALLELISM) ? fresh(password, memory) : null;
            return new Verification(matches, rehash);
        });
    }

    private String fresh(String password, Argon2Memory memory) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES, memory);
        return new Argon2Hash(memoryKib, iterations, PARALLELISM, salt, hash).phc();
    }

    private static byte[] derive(
            String password,
            byte[] salt,
            int memoryCost,
            int iterationCount,
            int lanes,
            int length,
            Argon2Memory memory) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryCost)
                .withIterations(iterationCount)
                .withParallelism(lanes)
                .withSalt(salt)
                .withBlockPool(memory)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(normalise(password).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** Spends the same time as a real verification, so unknown identifiers cannot be told apart. */
    public void verifyAgainstDummy(String password) {
        verifyAgainstDummy(null, password);
    }

    /** {@link #verifyAgainstDummy(String)} within the store's share. */
    public void verifyAgainstDummy(StoreId store, String password) {
        verify(store, dummyHash, password == null ? "" : password);
    }

    private static String tenant(StoreId store) {
        return store == null ? PLATFORM : store.value();
    }

    public record Verification(boolean matches, String rehash) {}

    // NIST 800-63B 5.1.1.2: Unicode passwords are normalised before hashing.
    private static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Runs {@code work} on a free slot within the tenant's share, or refuses after {@link #WAIT_MILLIS}. */
    private <T> T bounded(String tenant, Function<Argon2Memory, T> work) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        Argon2Memory memory = null;
        boolean entered = false;
        try {
            entered = shares.enter(tenant, WAIT_MILLIS);
            if (entered) {
                memory = slots.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (memory == null) {
            if (entered) {
                shares.leave(tenant);
            }
            throw new DomainException(
                    ErrorCode.RATE_LIMITED, "The service is busy; try again shortly.", Map.of(), Map.of(), 1L);
        }
        try {
            return work.apply(memory);
        } finally {
            memory.usedAt(System.nanoTime());
            slots.add(memory);
            shares.leave(tenant);
        }
    }
}
