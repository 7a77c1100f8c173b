package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.store.StoreId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of {@code account_stores}: a merchant account runs that store. Ids, not associations (no weaving). */
@Entity
@Table(name = "account_stores")
@IdClass(MembershipEntity.Key.class)
public class MembershipEntity {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Id
    @Column(name = "store_id")
    private String storeId;

    protected MembershipEntity() {
        // for JPA
    }

    static MembershipEntity of(AccountId account, StoreId store) {
        MembershipEntity row = new MembershipEntity();
        row.accountId = account.value();
        row.storeId = store.value();
        return row;
    }

    /** The primary key: account and store. */
    public static class Key implements Serializable {

        private String accountId;
        private String storeId;

        public Key() {
            // for JPA
        }

        Key(AccountId account, StoreId store) {
            this.accountId = account.value();
            this.storeId = store.value();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && accountId.equals(key.accountId) && storeId.equals(key.storeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, storeId);
        }
    }
}
