package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.OriginPattern;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.DataAccessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code cors_origins}: one entry of a store's allow-list, in the origin's canonical text. */
@Entity
@Table(name = "cors_origins")
public class CorsOriginEntity {

    @Id
    private String id;

    @Column(name = "store_id")
    private String storeId;

    private String origin;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected CorsOriginEntity() {
        // for JPA
    }

    static CorsOriginEntity of(CorsOrigin entry) {
        CorsOriginEntity row = new CorsOriginEntity();
        row.id = entry.id();
        row.storeId = entry.store().value();
        row.origin = entry.origin().toString();
        row.createdAt = Timestamps.utc(entry.createdAt());
        return row;
    }

    CorsOrigin toCorsOrigin() {
        OriginPattern pattern = OriginPattern.parse(origin)
                .orElseThrow(() ->
                        new DataAccessException("Stored CORS origin " + id + " is not an origin: " + origin, null));
        return new CorsOrigin(id, new StoreId(storeId), pattern, createdAt.toInstant());
    }
}
