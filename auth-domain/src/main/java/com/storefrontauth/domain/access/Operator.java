package com.storefrontauth.domain.access;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.store.StoreId;

/**
 * Who calls the management API: a signed-in platform admin or merchant, or a store's secret key.
 * Store visibility is decided once, by {@link StoreAccess}, from this.
 */
public sealed interface Operator {

    /** The subject recorded in audit events. */
    String subject();

    record PlatformAdmin(AccountId account) implements Operator {
        @Override
        public String subject() {
            return account.value();
        }
    }

    record Merchant(AccountId account) implements Operator {
        @Override
        public String subject() {
            return account.value();
        }
    }

    record SecretKey(StoreId store, String keyId) implements Operator {
        @Override
        public String subject() {
            return keyId;
        }
    }
}
