package com.storefrontauth.domain.credential;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * The 1 KiB blocks of one running Argon2 hash, kept for the next hash on the same slot: a 19 MiB
 * hash then allocates nothing. Used by one hash at a time, so it needs no lock.
 */
final class Argon2Memory implements Argon2BytesGenerator.BlockPool {

    private final Argon2BytesGenerator.Block[] free;
    private int size;

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
}
