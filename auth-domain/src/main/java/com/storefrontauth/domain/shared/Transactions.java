package com.storefrontauth.domain.shared;

import java.util.function.Supplier;

/**
 * Transaction boundaries for use cases. {@link #independent} commits on its own even when the
 * surrounding work fails: a detected refresh-token reuse or a failed sign-in must be recorded
 * although the request is refused.
 */
public interface Transactions {

    <T> T required(Supplier<T> work);

    <T> T independent(Supplier<T> work);

    /** Runs {@code action} once the current unit of work has committed (at once outside one; never after a rollback). */
    void afterCommit(Runnable action);

    default void required(Runnable work) {
        required(() -> {
            work.run();
            return null;
        });
    }

    default void independent(Runnable work) {
        independent(() -> {
            work.run();
            return null;
        });
    }
}
