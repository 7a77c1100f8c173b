package com.storefrontauth.domain.store;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.time.Instant;

/**
 * A merchant's store: the tenant boundary. Every customer, key, origin, session and event belongs
 * to exactly one store, and a suspended store answers no storefront request. A suspension by the
 * platform admin can only be lifted by a platform admin: not by the store's merchants or its keys.
 */
public class Store {

    static final int MAX_NAME_LENGTH = 120;

    private final StoreId id;
    private String name;
    private StoreMode mode;
    private StoreStatus status;
    private boolean suspendedByPlatform;
    private LoginPolicy policy;
    private StoreProfile profile;
    private CommissionRate commission;
    private final Instant createdAt;

    public Store(
            StoreId id,
            String name,
            StoreMode mode,
            StoreStatus status,
            boolean suspendedByPlatform,
            LoginPolicy policy,
            StoreProfile profile,
            CommissionRate commission,
            Instant createdAt) {
        this.id = id;
        this.name = name;
        this.mode = mode;
        this.status = status;
        this.suspendedByPlatform = suspendedByPlatform;
        this.policy = policy;
        this.profile = profile;
        this.commission = commission;
        this.createdAt = createdAt;
    }

    public static Store open(String name, StoreMode mode, Instant now) {
        return new Store(
                StoreId.generate(),
                validName(name),
                mode,
                StoreStatus.ACTIVE,
                false,
                LoginPolicy.defaults(),
                StoreProfile.EMPTY,
                CommissionRate.NONE,
                now);
    }

    static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw DomainException.invalidField("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField("name", "must not contain control characters");
        }
        return trimmed;
    }

    public void rename(String newName) {
        this.name = validName(newName);
    }

    public void switchTo(StoreMode newMode) {
        this.mode = newMode;
    }

    /**
     * Suspends or resumes the store. {@code byPlatform} is whether a platform admin asks: their suspension
     * stays until a platform admin resumes the store (a merchant suspending it again does not downgrade it).
     */
    public void changeStatus(StoreStatus newStatus, boolean byPlatform) {
        if (newStatus == StoreStatus.ACTIVE && suspendedByPlatform && !byPlatform) {
            throw new DomainException(
                    ErrorCode.FORBIDDEN,
                    "The platform admin suspended this store; only the platform admin can resume it.");
        }
        suspendedByPlatform = newStatus == StoreStatus.SUSPENDED && (byPlatform || suspendedByPlatform);
        this.status = newStatus;
    }

    public void replacePolicy(LoginPolicy newPolicy) {
        this.policy = newPolicy;
    }

    public void describe(ProfileChange change) {
        this.profile = profile.amend(change);
    }

    public void chargeCommission(CommissionRate rate) {
        this.commission = rate;
    }

    public boolean isSuspended() {
        return status == StoreStatus.SUSPENDED;
    }

    public boolean isSuspendedByPlatform() {
        return suspendedByPlatform;
    }

    public StoreId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public StoreMode mode() {
        return mode;
    }

    public StoreStatus status() {
        return status;
    }

    public LoginPolicy policy() {
        return policy;
    }

    public StoreProfile profile() {
        return profile;
    }

    public CommissionRate commission() {
        return commission;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
