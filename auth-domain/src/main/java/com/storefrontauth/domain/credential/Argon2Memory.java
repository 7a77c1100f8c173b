package com.storefrontauth.domain.credential;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * The 1 KiB blocks of one running Argon2 hash, kept for the next hash on the same slot: a 19 MiB
 * hash then allocates nothing. Given back to the heap once the slot has been idle a while
 * ({@link PasswordHasher#releaseIdleMemory()}). Held by one thread at a time (the slot queue hands it
 * over), so it needs no lock.
 */
final class Argon2Memory implements Argon2BytesGenerator.BlockPool {

    private final Argon2BytesGenerator.Block[] free;
    private int size;
    private long lastUsedNanos = System.nanoTime();

    Argon2Memory(int blocks) {
        this.free = new Argon2BytesGenerator.Block[blocks];
    }

    @Override
    public Argon2BytesGenerator.Block allocate() {
        return size > 0 ? free[--size].clear() : new Argon2BytesGenerator.Block();
    }

    @Override
    public void deallocate(Argon2BytesGenerator.Block block) {
        if (size < free.length) {
            free[size++] = block;
        }
    }

    /** The slot's holder is done with it at {@code nanos} ({@link System#nanoTime()}). */
    void usedAt(long nanos) {
        lastUsedNanos = nanos;
    }

    /** Drops the kept blocks when the last use was before {@code nanos}; true when there were any. */
    boolean releaseIfUnusedSince(long nanos) {
        if (size == 0 || lastUsedNanos - nanos >= 0) {
            return false;
        }
        Arrays.fill(free, 0, size, null);
        size = 0;
        return true;
    }
}
