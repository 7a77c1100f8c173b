package com.storefrontauth.domain.store;

import java.math.BigDecimal;

/**
 * A partial update of a store; null members stay as they are. Only the platform admin may set the
 * commission percent.
 */
public record StoreChange(
        String name, StoreMode mode, StoreStatus status, ProfileChange profile, BigDecimal commissionPercent) {

    public StoreChange(String name, StoreMode mode, StoreStatus status) {
        this(name, mode, status, ProfileChange.NONE, null);
    }
}
