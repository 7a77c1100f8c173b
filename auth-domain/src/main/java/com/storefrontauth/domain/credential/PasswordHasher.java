package com.storefrontauth.domain.credential;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id password hashing (OWASP: 19 MiB, t=2, p=1 by default). The PHC string keeps its own
 * parameters, so raising the cost later re-hashes at the next sign-in. Concurrent hashing is bounded
 * by the core count: a request that cannot start within a second is told to retry instead of piling
 * up memory-hard work.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final long WAIT_MILLIS = 1000;

    @Inject
    @ConfigProperty(name = "auth.password.argon2.memory-kib", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "auth.password.argon2.iterations", defaultValue = "2")
    int iterations;

    private Argon2Function function;
    private Semaphore slots;
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
        function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
        slots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
        dummyHash = Password.hash("dummy password for unknown identifiers").addRandomSalt(16).with(function).getResult();
    }

    public String hash(String password) {
        return bounded(() -> Password.hash(normalise(password)).addRandomSalt(16).with(function).getResult());
    }

    /** Checks a password; {@link Verification#rehash()} holds a new hash when the cost has changed. */
    public Verification verify(String storedHash, String password) {
        return bounded(() -> {
            Argon2Function stored = Argon2Function.getInstanceFromHash(storedHash);
            boolean matches = Password.check(normalise(password), storedHash).with(stored);
            String rehash = matches && !stored.equals(function)
                    ? Password.hash(normalise(password)).addRandomSalt(16).with(function).getResult() : null;
            return new Verification(matches, rehash);
        });
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

    private <T> T bounded(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new DomainException(ErrorCode.RATE_LIMITED, "The service is busy; try again shortly.",
                    Map.of(), Map.of(), 1L);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
