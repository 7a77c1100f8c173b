package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Customers, always within one store. Email and phone are unique per store. */
public interface CustomerRepository {

    /** @return false when the email or phone is already taken in the store (nothing is written then) */
    boolean insert(Customer customer);

    void update(Customer customer);

    /**
     * {@link #update} for a change of email or phone.
     *
     * @return false when another customer of the store holds the new email or phone (nothing is written then)
     */
    boolean updateUnlessTaken(Customer customer);

    Optional<Customer> find(StoreId store, CustomerId id);

    /** The store's customers among {@code ids} (at most a page's worth), in no particular order. */
    List<Customer> findAll(StoreId store, Collection<CustomerId> ids);

    Optional<Customer> findByEmail(StoreId store, EmailAddress email);

    Optional<Customer> findByPhone(StoreId store, PhoneNumber phone);

    /** Case-insensitive substring search over email, phone, first and last name; newest first. */
    Page<Customer> search(StoreId store, String query, PageRequest request);

    /** {@link #search} without pages: every match, newest first, handed over one at a time as read. */
    void each(StoreId store, String query, Consumer<Customer> each);

    /** Erases the customer row: the email and phone become free to register again. */
    void delete(StoreId store, CustomerId id);
}
