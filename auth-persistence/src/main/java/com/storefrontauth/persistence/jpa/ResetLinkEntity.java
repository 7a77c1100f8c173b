package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.ResetLink;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code password_reset_links}, keyed by the SHA-256 of the link's token; used once. */
@Entity
@Table(name = "password_reset_links")
@NamedQuery(
        name = ResetLinkEntity.EXPIRED_BEFORE,
        query = "SELECT l.idHash FROM ResetLinkEntity l WHERE l.expiresAt < :before ORDER BY l.expiresAt")
@NamedQuery(
        name = ResetLinkEntity.DELETE_EXPIRED,
        query = "DELETE FROM ResetLinkEntity l WHERE l.idHash IN :ids AND l.expiresAt < :before")
public class ResetLinkEntity {

    static final String EXPIRED_BEFORE = "ResetLinkEntity.expiredBefore";
    static final String DELETE_EXPIRED = "ResetLinkEntity.deleteExpired";

    @Id
    @Column(name = "id_hash")
    private String idHash;

    @Column(name = "store_id")
    private String storeId;

    @Column(name = "customer_id")
    private String customerId;

    private String email;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected ResetLinkEntity() {
        // for JPA
    }

    static ResetLinkEntity of(ResetLink link) {
        ResetLinkEntity row = new ResetLinkEntity();
        row.idHash = link.id().hex();
        row.storeId = link.store().value();
        row.customerId = link.customer().value();
        row.email = link.email();
        row.expiresAt = Timestamps.utc(link.expiresAt());
        row.createdAt = Timestamps.utc(link.createdAt());
        return row;
    }

    ResetLink toResetLink() {
        return new ResetLink(
                new TokenHash(idHash),
                new StoreId(storeId),
                new CustomerId(customerId),
                email,
                expiresAt.toInstant(),
                createdAt.toInstant());
    }
}
