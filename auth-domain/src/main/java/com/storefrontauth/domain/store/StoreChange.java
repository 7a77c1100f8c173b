package com.storefrontauth.domain.store;

/** A partial update of a store; null members stay as they are. */
public record StoreChange(String name, StoreMode mode, StoreStatus status) {
}
