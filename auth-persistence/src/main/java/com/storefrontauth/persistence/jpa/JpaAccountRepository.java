package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Merchant accounts and their stores on JPA; emails are kept normalised (trimmed, lower case), so lookups
 * are exact matches. Changes go through the managed entity, so a read later in the same transaction sees them.
 */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @Inject
    Jpa jpa;

    @Inject
    Sql sql;

    protected JpaAccountRepository() {
        // for CDI
    }

    public JpaAccountRepository(Jpa jpa, Sql sql) {
        this.jpa = jpa;
        this.sql = sql;
    }

    @Override
    public void insert(MerchantAccount account) {
        jpa.run("insert an account", em -> {
            em.persist(AccountEntity.of(account));
            em.flush();
            return null;
        });
    }

    /**
     * Native SQL: the email's unique constraint decides, and a refused INSERT through the entity manager would
     * fail the caller's whole transaction (PostgreSQL aborts it; JPA marks it rollback-only). {@link
     * Sql#insertUnlessDuplicate} runs it on the transaction's connection as {@code ON CONFLICT DO NOTHING} on
     * PostgreSQL, and on H2, which undoes only the failed statement, catches the violation.
     */
    @Override
    public boolean insertIfAbsent(MerchantAccount account) {
        return sql.insertUnlessDuplicate(
                "INSERT INTO accounts (id, email, name, role, status, password_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                "(email)",
                account.id().value(),
                AccountEntity.normalised(account.email()),
                account.name(),
                account.role(),
                account.status(),
                account.passwordHash(),
                account.createdAt());
    }

    @Override
    public void updateStatus(AccountId id, AccountStatus status) {
        jpa.run("update an account's status", em -> {
            Optional.ofNullable(em.find(AccountEntity.class, id.value())).ifPresent(row -> row.changeStatus(status));
            em.flush();
            return null;
        });
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        jpa.run("update an account's password", em -> {
            Optional.ofNullable(em.find(AccountEntity.class, id.value()))
                    .ifPresent(row -> row.replacePasswordHash(passwordHash));
            em.flush();
            return null;
        });
    }

    @Override
    public Optional<MerchantAccount> findByEmail(String normalisedEmail) {
        return jpa.read(
                "find an account by email",
                em -> em.createQuery("SELECT a FROM AccountEntity a WHERE a.email = :email", AccountEntity.class)
                        .setParameter("email", AccountEntity.normalised(normalisedEmail))
                        .getResultStream()
                        .findFirst()
                        .map(AccountEntity::toAccount));
    }

    @Override
    public Optional<MerchantAccount> find(AccountId id) {
        return jpa.read(
                "find an account",
                em -> Optional.ofNullable(em.find(AccountEntity.class, id.value()))
                        .map(AccountEntity::toAccount));
    }

    @Override
    public void addMembership(AccountId account, StoreId store) {
        jpa.run("add a store membership", em -> {
            if (em.find(MembershipEntity.class, new MembershipEntity.Key(account, store)) == null) {
                em.persist(MembershipEntity.of(account, store));
                em.flush();
            }
            return null;
        });
    }

    @Override
    public boolean isMember(AccountId account, StoreId store) {
        return jpa.read(
                "check a store membership",
                em -> em.find(MembershipEntity.class, new MembershipEntity.Key(account, store)) != null);
    }
}
