package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.shared.UnitOfWork;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a {@link UnitOfWork} method in {@link Transactions#required}: it joins the caller's transaction
 * or commits one of its own, and any exception, checked ones included, rolls it back and reaches the
 * caller unchanged. Enabled for the whole application by its priority.
 */
@UnitOfWork
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class UnitOfWorkInterceptor {

    @Inject
    Transactions transactions;

    public UnitOfWorkInterceptor() {
        // for CDI
    }

    UnitOfWorkInterceptor(Transactions transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    public Object inTransaction(InvocationContext invocation) throws Exception {
        try {
            return transactions.required(() -> {
                try {
                    return invocation.proceed();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure carrier) {
            throw carrier.checked;
        }
    }

    /** Carries a checked exception through the {@code Supplier} of {@link Transactions#required}. */
    private static final class CheckedFailure extends RuntimeException {
        private final Exception checked;

        CheckedFailure(Exception checked) {
            super(null, null, false, false);
            this.checked = checked;
        }
    }
}
