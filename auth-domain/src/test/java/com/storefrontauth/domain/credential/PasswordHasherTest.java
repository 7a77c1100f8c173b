package com.storefrontauth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher cheap = new PasswordHasher(1024, 1);

    @Test
    void hashWhenCalledThenArgon2idPhcStringWithItsParametersAndNoPlaintext() {
        String hash = cheap.hash("purple mountain ferry 7");
        assertThat(hash)
                .startsWith("$argon2id$")
                .contains("m=1024")
                .contains("t=1")
                .doesNotContain("purple");
        assertThat(cheap.hash("purple mountain ferry 7")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void verifyWhenPasswordMatchesThenTrueOtherwiseFalse() {
        String hash = cheap.hash("purple mountain ferry 7");
        assertThat(cheap.verify(hash, "purple mountain ferry 7").matches()).isTrue();
        assertThat(cheap.verify(hash, "purple mountain ferry 8").matches()).isFalse();
        assertThat(cheap.verify(hash, "purple mountain ferry 7").rehash())
                .as("same cost, no rehash")
                .isNull();
    }

    @Test
    void verifyWhenHashComesFromTheReferenceImplementationThenItMatches() {
        // echo -n "purple mountain ferry 7" | argon2 saltsaltsaltsalt -id -t 2 -m 10 -p 1 -l 32 -e  (Debian argon2)
        String reference =
                "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$mJ4WwGxgj6OlamRKSpZiDV7XtHFddSQbn9Iw7d8AAWk";
        assertThat(cheap.verify(reference, "purple mountain ferry 7").matches()).isTrue();
        assertThat(cheap.verify(reference, "purple mountain ferry 8").matches()).isFalse();
        assertThat(new PasswordHasher(1024, 2)
                        .verify(reference, "purple mountain ferry 7")
                        .rehash())
                .isNull();
    }

    @Test
    void verifyWhenPasswordIsUnicodeThenNfkcFormsAreTheSamePassword() {
        String hash = cheap.hash("ｐａｓｓ ｗｏｒｄ Ⅻ");
        assertThat(cheap.verify(hash, "pass word XII").matches()).isTrue();
    }

    @Test
    void verifyWhenConfiguredCostChangedThenCorrectPasswordYieldsRehashAtNewCost() {
        String old = cheap.hash("purple mountain ferry 7");
        PasswordHasher stronger = new PasswordHasher(2048, 2);
        PasswordHasher.Verification verification = stronger.verify(old, "purple mountain ferry 7");
        assertThat(verification.matches()).isTrue();
        assertThat(verification.rehash()).contains("m=2048").contains("t=2");
        assertThat(stronger.verify(verification.rehash(), "purple mountain ferry 7")
                        .rehash())
                .isNull();
        assertThat(stronger.verify(old, "wrong password").rehash())
                .as("never rehash on a wrong password")
                .isNull();
    }

    @Test
    void releaseIdleMemoryWhenNoHashRanForAWhileThenEachSlotIsReleasedOnceAndHashingGoesOn() {
        PasswordHasher twoSlots = new PasswordHasher(1024, 1, 2);
        String hash = twoSlots.hash("purple mountain ferry 7");
        long now = System.nanoTime();
        long later = now + PasswordHasher.MEMORY_KEPT.toNanos() + 1;

        assertThat(twoSlots.releaseIdleMemory(now)).as("just used").isZero();
        assertThat(twoSlots.releaseIdleMemory(later))
                .as("the slot of the start's dummy hash and the slot of this hash (taken in turn)")
                .isEqualTo(2);
        assertThat(twoSlots.releaseIdleMemory(later)).as("already released").isZero();
        assertThat(twoSlots.verify(hash, "purple mountain ferry 7").matches()).isTrue();
        assertThat(twoSlots.releaseIdleMemory(System.nanoTime() + PasswordHasher.MEMORY_KEPT.toNanos() + 1))
                .as("the slot that verified holds memory again")
                .isEqualTo(1);
    }
}
