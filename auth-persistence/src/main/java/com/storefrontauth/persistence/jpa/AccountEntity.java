package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRole;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.account.MerchantAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A row of {@code accounts}: a merchant account, its email kept normalised (trimmed, lower case). */
@Entity
@Table(name = "accounts")
public class AccountEntity {

    @Id
    private String id;

    private String email;

    private String name;

    @Enumerated(EnumType.STRING)
    private AccountRole role;

    @Enumerated(EnumType.STRING)
    private AccountStatus status;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected AccountEntity() {
        // for JPA
    }

    static AccountEntity of(MerchantAccount account) {
        AccountEntity row = new AccountEntity();
        row.id = account.id().value();
        row.email = normalised(account.email());
        row.name = account.name();
        row.role = account.role();
        row.status = account.status();
        row.passwordHash = account.passwordHash();
        row.createdAt = Timestamps.utc(account.createdAt());
        return row;
    }

    static String normalised(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    MerchantAccount toAccount() {
        return new MerchantAccount(new AccountId(id), email, name, role, status, passwordHash, createdAt.toInstant());
    }

    void changeStatus(AccountStatus newStatus) {
        status = newStatus;
    }

    void replacePasswordHash(String newHash) {
        passwordHash = newHash;
    }
}
