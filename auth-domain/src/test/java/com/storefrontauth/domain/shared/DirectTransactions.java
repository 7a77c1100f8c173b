package com.storefrontauth.domain.shared;

import java.util.function.Supplier;

/** Runs work directly: the in-memory fakes need no transactions. */
public class DirectTransactions implements Transactions {

    @Override
    public <T> T required(Supplier<T> work) {
        return work.get();
    }

    @Override
    public <T> T independent(Supplier<T> work) {
        return work.get();
    }

    @Override
    public void afterCommit(Runnable action) {
        action.run();
    }
}
