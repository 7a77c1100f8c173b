package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.account.AccountRole;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** Merchant accounts; emails are kept normalised (trimmed, lower case), so lookups are exact matches. */
@ApplicationScoped
public class JdbcAccountRepository implements AccountRepository {

    private static final String COLUMNS = "id, email, name, role, status, password_hash, created_at";
    private static final String INSERT = "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    @Inject
    Sql sql;

    protected JdbcAccountRepository() {
        // for CDI
    }

    JdbcAccountRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(MerchantAccount account) {
        sql.update(
                INSERT,
                account.id().value(),
                normalised(account.email()),
                account.name(),
                account.role(),
                account.status(),
                account.passwordHash(),
                account.createdAt());
    }

    @Override
    public boolean insertIfAbsent(MerchantAccount account) {
        Object[] values = {
            account.id().value(),
            normalised(account.email()),
            account.name(),
            account.role(),
            account.status(),
            account.passwordHash(),
            account.createdAt()
        };
        return sql.insertUnlessDuplicate(INSERT, "(email)", values);
    }

    @Override
    public void updateStatus(AccountId id, AccountStatus status) {
        sql.update("UPDATE accounts SET status = ? WHERE id = ?", status, id.value());
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        sql.update("UPDATE accounts SET password_hash = ? WHERE id = ?", passwordHash, id.value());
    }

    @Override
    public Optional<MerchantAccount> findByEmail(String normalisedEmail) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM accounts WHERE email = ?",
                JdbcAccountRepository::account,
                normalised(normalisedEmail));
    }

    @Override
    public Optional<MerchantAccount> find(AccountId id) {
        return sql.one("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", JdbcAccountRepository::account, id.value());
    }

    @Override
    public void addMembership(AccountId account, StoreId store) {
        if (!isMember(account, store)) {
            sql.update(
                    "INSERT INTO account_stores (account_id, store_id) VALUES (?, ?)", account.value(), store.value());
        }
    }

    @Override
    public boolean isMember(AccountId account, StoreId store) {
        return sql.exists(
                "SELECT 1 FROM account_stores WHERE account_id = ? AND store_id = ?", account.value(), store.value());
    }

    private static String normalised(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static MerchantAccount account(ResultSet row) throws SQLException {
        return new MerchantAccount(
                new AccountId(row.getString("id")),
                row.getString("email"),
                row.getString("name"),
                AccountRole.valueOf(row.getString("role")),
                AccountStatus.valueOf(row.getString("status")),
                row.getString("password_hash"),
                Sql.instant(row, "created_at"));
    }
}
