package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Units of work over in-memory fakes: the outermost {@link #required} that throws puts back what the
 * fakes held when it began, and its after-commit actions never run. Each participant is a snapshot
 * function whose answer restores the snapshot. Work done by {@link #independent} inside a unit that
 * later rolls back is restored too, so keep independent writes (refusal audit events) out of the
 * participants.
 */
class RollbackTransactions implements Transactions {

    private final List<Supplier<Runnable>> participants;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private int depth;

    @SafeVarargs
    RollbackTransactions(Supplier<Runnable>... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T required(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        List<Runnable> restores = participants.stream().map(Supplier::get).toList();
        depth++;
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            depth--;
            restores.forEach(Runnable::run);
            afterCommit.clear();
            throw failure;
        }
        depth--;
        List<Runnable> committed = List.copyOf(afterCommit);
        afterCommit.clear();
        committed.forEach(Runnable::run);
        return result;
    }

    @Override
    public <T> T independent(Supplier<T> work) {
        int outer = depth;
        List<Runnable> outerActions = List.copyOf(afterCommit);
        afterCommit.clear();
        depth = 0;
        try {
            return required(work);
        } finally {
            depth = outer;
            afterCommit.addAll(0, outerActions);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        if (depth == 0) {
            action.run();
        } else {
            afterCommit.add(action);
        }
    }
}
