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

    /**
     * {@link #required}, except that a refusal {@code work} throws as {@link CommittedRefusal} does not undo
     * it: the unit of work commits what it recorded (a wrong code counted), then the refusal is thrown.
     * Inside a unit of work already running, it commits with that one.
     */
    default <T> T requiredThenRefuse(Supplier<T> work) {
        DomainException[] refused = new DomainException[1];
        T result = required(() -> {
            try {
                return work.get();
            } catch (CommittedRefusal refusal) {
                refused[0] = refusal.refusal();
                return null;
            }
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        return result;
    }

    /** A refusal whose unit of work still commits: see {@link #requiredThenRefuse}. */
    final class CommittedRefusal extends RuntimeException {

        private final DomainException refusal;

        public CommittedRefusal(DomainException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }

        public DomainException refusal() {
            return refusal;
        }
    }

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
