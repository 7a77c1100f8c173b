package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** Customers in memory with the database's uniqueness of email and phone per store. */
class InMemoryCustomers implements CustomerRepository {

    final Map<CustomerId, Customer> customers = new ConcurrentHashMap<>();

    @Override
    public boolean insert(Customer customer) {
        return updateUnlessTaken(customer);
    }

    @Override
    public void update(Customer customer) {
        customers.put(customer.id(), customer);
    }

    @Override
    public synchronized boolean updateUnlessTaken(Customer customer) {
        if (taken(customer)) {
            return false;
        }
        customers.put(customer.id(), customer);
        return true;
    }

    @Override
    public Optional<Customer> find(StoreId store, CustomerId id) {
        return Optional.ofNullable(customers.get(id))
                .filter(found -> found.store().equals(store));
    }

    @Override
    public List<Customer> findAll(StoreId store, Collection<CustomerId> ids) {
        return ids.stream().flatMap(id -> find(store, id).stream()).toList();
    }

    @Override
    public Optional<Customer> findByEmail(StoreId store, EmailAddress email) {
        return findBy(store, Customer::email, email);
    }

    @Override
    public Optional<Customer> findByPhone(StoreId store, PhoneNumber phone) {
        return findBy(store, Customer::phone, phone);
    }

    @Override
    public Page<Customer> search(StoreId store, String query, PageRequest request) {
        throw new UnsupportedOperationException("domain tests read the map");
    }

    @Override
    public void each(StoreId store, String query, Consumer<Customer> each) {
        throw new UnsupportedOperationException("domain tests read the map");
    }

    @Override
    public void delete(StoreId store, CustomerId id) {
        find(store, id).ifPresent(found -> customers.remove(id));
    }

    private <T> Optional<Customer> findBy(StoreId store, Function<Customer, T> field, T value) {
        return customers.values().stream()
                .filter(found -> found.store().equals(store) && Objects.equals(field.apply(found), value))
                .findFirst();
    }

    private boolean taken(Customer customer) {
        return customers.values().stream()
                .filter(other -> !other.id().equals(customer.id()))
                .filter(other -> other.store().equals(customer.store()))
                .anyMatch(other -> customer.email() != null && customer.email().equals(other.email())
                        || customer.phone() != null && customer.phone().equals(other.phone()));
    }
}
