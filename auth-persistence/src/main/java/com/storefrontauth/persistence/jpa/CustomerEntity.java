package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerStatus;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.store.StoreId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * A row of {@code customers}. Written by statements (the inserts and contact changes a unique constraint
 * may refuse are native SQL, see {@link JpaCustomerRepository}); read by the named queries below, parsed
 * once when the unit deploys, each refreshing what the transaction's entity manager holds, so a read always
 * sees the row as it is now (after a statement changed it in the same transaction too).
 */
@Entity
@Table(name = "customers")
@NamedQuery(
        name = CustomerEntity.BY_ID,
        query = "SELECT c FROM CustomerEntity c WHERE c.storeId = :store AND c.id = :id",
        hints = @QueryHint(name = QueryHints.REFRESH, value = HintValues.TRUE))
@NamedQuery(
        name = CustomerEntity.BY_IDS,
        query = "SELECT c FROM CustomerEntity c WHERE c.storeId = :store AND c.id IN :ids",
        hints = @QueryHint(name = QueryHints.REFRESH, value = HintValues.TRUE))
@NamedQuery(
        name = CustomerEntity.BY_EMAIL,
        query = "SELECT c FROM CustomerEntity c WHERE c.storeId = :store AND c.email = :email",
        hints = @QueryHint(name = QueryHints.REFRESH, value = HintValues.TRUE))
@NamedQuery(
        name = CustomerEntity.BY_PHONE,
        query = "SELECT c FROM CustomerEntity c WHERE c.storeId = :store AND c.phone = :phone",
        hints = @QueryHint(name = QueryHints.REFRESH, value = HintValues.TRUE))
@NamedQuery(
        name = CustomerEntity.LIST,
        query = "SELECT c FROM CustomerEntity c WHERE c.storeId = :store ORDER BY c.createdAt DESC, c.id",
        hints = @QueryHint(name = QueryHints.REFRESH, value = HintValues.TRUE))
@NamedQuery(name = CustomerEntity.COUNT, query = "SELECT COUNT(c) FROM CustomerEntity c WHERE c.storeId = :store")
@NamedQuery(
        name = CustomerEntity.SEARCH,
        query = "SELECT c FROM CustomerEntity c WHERE c.storeId = :store AND " + CustomerEntity.MATCHES
                + " ORDER BY c.createdAt DESC, c.id",
        hints = @QueryHint(name = QueryHints.REFRESH, value = HintValues.TRUE))
@NamedQuery(
        name = CustomerEntity.SEARCH_COUNT,
        query = "SELECT COUNT(c) FROM CustomerEntity c WHERE c.storeId = :store AND " + CustomerEntity.MATCHES)
@NamedQuery(
        name = CustomerEntity.UPDATE,
        query = "UPDATE CustomerEntity c SET c.email = :email, c.phone = :phone, c.firstName = :firstName,"
                + " c.lastName = :lastName, c.passwordHash = :passwordHash, c.emailVerified = :emailVerified,"
                + " c.phoneVerified = :phoneVerified, c.status = :status, c.modifiedAt = :modifiedAt"
                + " WHERE c.storeId = :store AND c.id = :id")
@NamedQuery(
        name = CustomerEntity.DELETE,
        query = "DELETE FROM CustomerEntity c WHERE c.storeId = :store AND c.id = :id")
public class CustomerEntity {

    static final String BY_ID = "Customer.byId";
    static final String BY_IDS = "Customer.byIds";
    static final String BY_EMAIL = "Customer.byEmail";
    static final String BY_PHONE = "Customer.byPhone";
    static final String LIST = "Customer.list";
    static final String COUNT = "Customer.count";
    static final String SEARCH = "Customer.search";
    static final String SEARCH_COUNT = "Customer.searchCount";
    static final String UPDATE = "Customer.update";
    static final String DELETE = "Customer.delete";

    /** {@code :pattern} is a LIKE pattern whose wildcards in the query text are escaped with a backslash. */
    static final String MATCHES = "(LOWER(c.email) LIKE LOWER(:pattern) ESCAPE '\\'"
            + " OR LOWER(c.phone) LIKE LOWER(:pattern) ESCAPE '\\'"
            + " OR LOWER(c.firstName) LIKE LOWER(:pattern) ESCAPE '\\'"
            + " OR LOWER(c.lastName) LIKE LOWER(:pattern) ESCAPE '\\')";

    @Id
    private String id;

    @Column(name = "store_id")
    private String storeId;

    private String email;

    private String phone;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "email_verified")
    private boolean emailVerified;

    @Column(name = "phone_verified")
    private boolean phoneVerified;

    @Enumerated(EnumType.STRING)
    private CustomerStatus status;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "modified_at")
    private OffsetDateTime modifiedAt;

    protected CustomerEntity() {
        // for JPA
    }

    Customer toCustomer() {
        return new Customer(
                new CustomerId(id),
                new StoreId(storeId),
                email == null ? null : new EmailAddress(email),
                phone == null ? null : new PhoneNumber(phone),
                firstName,
                lastName,
                passwordHash,
                emailVerified,
                phoneVerified,
                status,
                createdAt.toInstant(),
                modifiedAt.toInstant());
    }
}
