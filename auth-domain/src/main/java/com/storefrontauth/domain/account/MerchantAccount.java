package com.storefrontauth.domain.account;

import com.storefrontauth.domain.shared.TokenHash;
import java.time.Instant;

/** Someone who runs stores: a merchant, or the platform admin who sees every store. */
public class MerchantAccount {

    private final AccountId id;
    private final String email;
    private final String name;
    private final AccountRole role;
    private AccountStatus status;
    private String passwordHash;
    private final Instant createdAt;

    public MerchantAccount(
            AccountId id,
            String email,
            String name,
            AccountRole role,
            AccountStatus status,
            String passwordHash,
            Instant createdAt) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.status = status;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public boolean isPlatformAdmin() {
        return role == AccountRole.PLATFORM_ADMIN;
    }

    /** Only an active account's tokens and sessions act: an inactive or disabled one's are refused. */
    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    /**
     * Changes whenever the password does: a session that remembers it (the console's) can tell that the
     * password was changed since it signed in. Derived from the hash, so it reveals nothing of it.
     */
    public String credentialStamp() {
        return TokenHash.of("stamp:" + passwordHash).hex();
    }

    public void replacePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public AccountId id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public AccountRole role() {
        return role;
    }

    public AccountStatus status() {
        return status;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
