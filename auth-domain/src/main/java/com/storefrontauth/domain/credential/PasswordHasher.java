package com.storefrontauth.domain.credential;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id password hashing (OWASP: 19 MiB, t=2, p=1 by default) with BouncyCastle's generator. The PHC
 * string keeps its own parameters, so raising the cost later re-hashes at the next sign-in. Concurrent
 * hashing is bounded by the core count, each slot reusing its Argon2 memory: a request that cannot start
 * within a second is told to retry instead of piling up memory-hard work.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final long WAIT_MILLIS = 1000;
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
    private String dummyHash;

    public PasswordHasher() {
        // configured by CDI, or by the test constructor
    }

    PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        init();
    }

    @PostConstruct
    void init() {
        int concurrent = Runtime.getRuntime().availableProcessors();
        slots = new ArrayBlockingQueue<>(concurrent, true);
        for (int i = 0; i < concurrent; i++) {
            slots.add(new Argon2Memory(memoryKib));
        }
        dummyHash = bounded(memory -> fresh("dummy password for unknown identifiers", memory));
    }

    public String hash(String password) {
        return bounded(memory -> fresh(password, memory));
    }

    /** Checks a password; {@link Verification#rehash()} holds a new hash when the cost has changed. */
    public Verification verify(String storedHash, String password) {
        Argon2Hash stored = Argon2Hash.parse(storedHash)
                .orElseThrow(() -> new IllegalStateException("a stored password hash is not an Argon2id PHC string"));
        return bounded(memory -> {
            byte[] candidate = derive(password, stored.salt(), stored.memoryKib(), stored.iterations(),
                    stored.parallelism(), stored.hash().length, memory);
            boolean matches = MessageDigest.isEqual(candidate, stored.hash());
            String rehash = matches && !stored.hasCost(memoryKib, iterations, PARALLELISM)
                    ? fresh(password, memory) : null;
            return new Verification(matches, rehash);
        });
    }

    private String fresh(String password, Argon2Memory memory) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES, memory);
        return new Argon2Hash(memoryKib, iterations, PARALLELISM, salt, hash).phc();
    }

    private static byte[] derive(String password, byte[] salt, int memoryCost, int iterationCount, int lanes,
            int length, Argon2Memory memory) {
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
        verify(dummyHash, password == null ? "" : password);
    }

    public record Verification(boolean matches, String rehash) {
    }

    // NIST 800-63B 5.1.1.2: Unicode passwords are normalised before hashing.
    private static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private <T> T bounded(Function<Argon2Memory, T> work) {
        Argon2Memory memory;
        try {
            memory = slots.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            memory = null;
        }
        if (memory == null) {
            throw new DomainException(ErrorCode.RATE_LIMITED, "The service is busy; try again shortly.",
                    Map.of(), Map.of(), 1L);
        }
        try {
            return work.apply(memory);
        } finally {
            slots.add(memory);
        }
    }
}
