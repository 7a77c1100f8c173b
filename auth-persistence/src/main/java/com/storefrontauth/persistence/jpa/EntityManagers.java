package com.storefrontauth.persistence.jpa;

import jakarta.persistence.EntityManager;

/** The entity manager of the thread's transaction, shared by every JPA repository the transaction calls. */
public interface EntityManagers {

    /** Only inside {@code Transactions.required}: outside a transaction there is none. */
    EntityManager current();
}
