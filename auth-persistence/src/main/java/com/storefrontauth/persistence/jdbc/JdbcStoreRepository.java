package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.CommissionRate;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreLanguage;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreProfile;
import com.storefrontauth.domain.store.StoreRepository;
import com.storefrontauth.domain.store.StoreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcStoreRepository implements StoreRepository {

    private static final String COLUMNS = "s.id, s.name, s.mode, s.status, s.suspended_by_platform, s.login_policy,"
            + " s.description, s.logo_url, s.business_address, s.contact_phone, s.preferred_language,"
            + " s.commission_percent, s.created_at";

    @Inject
    Sql sql;

    protected JdbcStoreRepository() {
        // for CDI
    }

    JdbcStoreRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Store store) {
        StoreProfile profile = store.profile();
        sql.update(
                "INSERT INTO stores (id, name, mode, status, suspended_by_platform, login_policy, description,"
                        + " logo_url, business_address, contact_phone, preferred_language, commission_percent, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                store.id().value(),
                store.name(),
                store.mode(),
                store.status(),
                store.isSuspendedByPlatform(),
                JsonColumns.write(store.policy().asMap()),
                profile.description(),
                profile.logoUrl(),
                profile.businessAddress(),
                profile.contactPhone(),
                profile.preferredLanguage().tag(),
                store.commission().percent(),
                store.createdAt());
    }

    @Override
    public void update(Store store) {
        StoreProfile profile = store.profile();
        int changed = sql.update(
                "UPDATE stores SET name = ?, mode = ?, status = ?, suspended_by_platform = ?,"
                        + " login_policy = ?, description = ?, logo_url = ?, business_address = ?, contact_phone = ?,"
                        + " preferred_language = ?, commission_percent = ? WHERE id = ?",
                store.name(),
                store.mode(),
                store.status(),
                store.isSuspendedByPlatform(),
                JsonColumns.write(store.policy().asMap()),
                profile.description(),
                profile.logoUrl(),
                profile.businessAddress(),
                profile.contactPhone(),
                profile.preferredLanguage().tag(),
                store.commission().percent(),
                store.id().value());
        if (changed == 0) {
            throw DomainException.notFound("Store");
        }
    }

    @Override
    public Optional<Store> find(StoreId id) {
        return sql.one("SELECT " + COLUMNS + " FROM stores s WHERE s.id = ?", JdbcStoreRepository::store, id.value());
    }

    @Override
    public List<Store> findAll() {
        return sql.list("SELECT " + COLUMNS + " FROM stores s ORDER BY s.created_at, s.id", JdbcStoreRepository::store);
    }

    @Override
    public List<Store> findByMember(AccountId member) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM stores s JOIN account_stores m ON m.store_id = s.id"
                        + " WHERE m.account_id = ? ORDER BY s.created_at, s.id",
                JdbcStoreRepository::store,
                member.value());
    }

    private static Store store(ResultSet row) throws SQLException {
        return new Store(
                new StoreId(row.getString("id")),
                row.getString("name"),
                StoreMode.valueOf(row.getString("mode")),
                StoreStatus.valueOf(row.getString("status")),
                row.getBoolean("suspended_by_platform"),
                LoginPolicy.restore(JsonColumns.read(row.getString("login_policy"))),
                new StoreProfile(
                        row.getString("description"),
                        row.getString("logo_url"),
                        row.getString("business_address"),
                        row.getString("contact_phone"),
                        new StoreLanguage(row.getString("preferred_language"))),
                new CommissionRate(row.getBigDecimal("commission_percent").setScale(2)),
                Sql.instant(row, "created_at"));
    }
}
