package com.storefrontauth.domain.shared;

import java.util.function.Supplier;

/** Runs work directly, as {@link DirectTransactions}, and counts the units of work begun. */
public class CountingTransactions extends DirectTransactions {

    private int required;

    /** How many units of work {@link #required} began. */
    public int begun() {
        return required;
    }

    @Override
    public <T> T required(Supplier<T> work) {
        required++;
        return super.required(work);
    }
}
