package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.store.CommissionRate;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreLanguage;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreProfile;
import com.storefrontauth.domain.store.StoreStatus;
import com.storefrontauth.persistence.jdbc.JsonColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A row of {@code stores}: the store, its profile, and its login policy as a JSON document. */
@Entity
@Table(name = "stores")
public class StoreEntity {

    @Id
    private String id;

    private String name;

    @Enumerated(EnumType.STRING)
    private StoreMode mode;

    @Enumerated(EnumType.STRING)
    private StoreStatus status;

    @Column(name = "suspended_by_platform")
    private boolean suspendedByPlatform;

    @Column(name = "login_policy")
    private String loginPolicy;

    private String description;

    @Column(name = "logo_url")
    private String logoUrl;

    @Column(name = "business_address")
    private String businessAddress;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "commission_percent")
    private BigDecimal commissionPercent;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected StoreEntity() {
        // for JPA
    }

    static StoreEntity of(Store store) {
        StoreEntity row = new StoreEntity();
        row.id = store.id().value();
        row.createdAt = Timestamps.utc(store.createdAt());
        row.apply(store);
        return row;
    }

    /** Everything but the id and creation time, which never change. */
    void apply(Store store) {
        StoreProfile profile = store.profile();
        name = store.name();
        mode = store.mode();
        status = store.status();
        suspendedByPlatform = store.isSuspendedByPlatform();
        loginPolicy = JsonColumns.write(store.policy().stored());
        description = profile.description();
        logoUrl = profile.logoUrl();
        businessAddress = profile.businessAddress();
        contactPhone = profile.contactPhone();
        preferredLanguage = profile.preferredLanguage().tag();
        commissionPercent = store.commission().percent();
    }

    Store toStore() {
        return new Store(
                new StoreId(id),
                name,
                mode,
                status,
                suspendedByPlatform,
                LoginPolicy.restore(JsonColumns.read(loginPolicy)),
                new StoreProfile(
                        description, logoUrl, businessAddress, contactPhone, new StoreLanguage(preferredLanguage)),
                new CommissionRate(commissionPercent.setScale(2)),
                createdAt.toInstant());
    }
}
