package com.storefrontauth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;

class Argon2MemoryTest {

    private final Argon2Memory memory = new Argon2Memory(4);

    @Test
    void allocateWhenABlockWasGivenBackAndTheSlotWasJustUsedThenTheSameBlockIsReused() {
        Argon2BytesGenerator.Block block = memory.allocate();
        memory.deallocate(block);
        memory.usedAt(100);

        assertThat(memory.releaseIfUnusedSince(100))
                .as("used at that very time")
                .isFalse();
        assertThat(memory.allocate()).isSameAs(block);
    }

    @Test
    void releaseIfUnusedSinceWhenTheLastUseIsOlderThenTheBlocksAreDroppedAndNewOnesAllocated() {
        Argon2BytesGenerator.Block block = memory.allocate();
        memory.deallocate(block);
        memory.usedAt(100);

        assertThat(memory.releaseIfUnusedSince(101)).isTrue();
        assertThat(memory.releaseIfUnusedSince(101))
                .as("nothing left to release")
                .isFalse();
        assertThat(memory.allocate()).isNotSameAs(block);
    }
}
