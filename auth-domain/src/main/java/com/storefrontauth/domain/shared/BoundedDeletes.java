package com.storefrontauth.domain.shared;

import java.util.function.IntUnaryOperator;

/**
 * How the retention rules delete a backlog: {@code batch} rows at most per transaction, batch after batch
 * until one comes back short, so that a large backlog never holds its locks (or a statement timeout) for
 * long, and rows that come of age meanwhile wait for the next run.
 */
public record BoundedDeletes(Transactions transactions, int batch) {

    /**
     * @param deleteUpTo deletes up to the number of rows it is given and answers how many it deleted
     * @return how many rows were deleted in all
     */
    public int deleteAll(IntUnaryOperator deleteUpTo) {
        int total = 0;
        int deleted;
        do {
            deleted = transactions.required(() -> deleteUpTo.applyAsInt(batch));
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
