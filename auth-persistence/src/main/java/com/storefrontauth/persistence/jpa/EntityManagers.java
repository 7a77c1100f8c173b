package com.storefrontauth.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/** The entity manager of the thread's transaction, shared by every JPA repository the transaction calls. */
public interface EntityManagers {

    /** Only inside {@code Transactions.required}: outside a transaction there is none. */
    EntityManager current();

    /**
     * Work that only reads: in the thread's transaction on {@link #current()}, so it sees what the transaction
     * wrote; outside one on an entity manager of its own that joins no transaction, reads on a connection
     * that commits each statement, and is closed when the work returns. A read alone then costs what a
     * query costs, not a transaction's begin and commit, a second connection handle and a unit of work to
     * compare at the commit.
     */
    <T> T reading(Function<EntityManager, T> work);
}
