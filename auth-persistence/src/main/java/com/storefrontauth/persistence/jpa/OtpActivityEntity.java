package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.otp.OtpActivityRepository.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of {@code otp_activity}: a code sent or a wrong code entered. Only pruned through JPA (rows are
 * inserted and counted by native statements, see {@link JpaOtpActivityRepository}), so no instance is ever
 * built.
 */
@Entity
@Table(name = "otp_activity")
@NamedQuery(
        name = OtpActivityEntity.BEFORE,
        query = "SELECT a.id FROM OtpActivityEntity a WHERE a.occurredAt < :before ORDER BY a.occurredAt")
@NamedQuery(
        name = OtpActivityEntity.DELETE_BEFORE,
        query = "DELETE FROM OtpActivityEntity a WHERE a.id IN :ids AND a.occurredAt < :before")
public class OtpActivityEntity {

    static final String BEFORE = "OtpActivity.before";
    static final String DELETE_BEFORE = "OtpActivity.deleteBefore";

    @Id
    private long id;

    @Column(name = "destination_key")
    private String destinationKey;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    protected OtpActivityEntity() {
        // for JPA
    }
}
