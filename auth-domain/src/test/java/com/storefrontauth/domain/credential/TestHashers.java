package com.storefrontauth.domain.credential;

/** Password hashers for domain tests: real Argon2id at a cost that keeps a test fast. */
public final class TestHashers {

    private TestHashers() {}

    public static PasswordHasher cheap() {
        return new PasswordHasher(1024, 1);
    }
}
