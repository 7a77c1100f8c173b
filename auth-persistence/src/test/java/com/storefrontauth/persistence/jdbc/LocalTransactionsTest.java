package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.OriginPattern;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
/** The semantics of the {@code Transactions} port, on the local stand-in the repository tests run on. */
class LocalTransactionsTest extends RepositoryTest {

    @Test
    void whenRequiredWorkReturnsThenItsWritesAreCommitted() {
        Store store = Store.open("Committed", StoreMode.TEST, now());

        transactions.required(() -> stores.insert(store));

        assertThat(transactions.active()).isFalse();
        assertThat(stores.find(store.id())).isPresent();
    }

    @Test
    void whenAJpaWriteAndAJdbcWriteShareATransactionThenBothCommit() {
        Store store = Store.open("Both committed", StoreMode.TEST, now());
        CorsOrigin origin = CorsOrigin.allow(
                store.id(), OriginPattern.parse("https://both.example").orElseThrow(), now());

        transactions.required(() -> {
            stores.insert(store);
            corsOrigins.insert(origin);
            // the JDBC read sees the JPA write before the commit: one connection, one transaction
            assertThat(sql.list(
                            "SELECT id FROM cors_origins WHERE store_id = ?",
                            row -> row.getString("id"),
                            store.id().value()))
                    .containsExactly(origin.id());
            return null;
        });

        assertThat(stores.find(store.id())).isPresent();
        assertThat(corsOrigins.list(store.id())).containsExactly(origin);
    }

    @Test
    void whenWorkThrowsAfterAJpaWriteAndAJdbcWriteThenNeitherIsKept() {
        Store store = newStore();
        CorsOrigin origin = CorsOrigin.allow(
                store.id(), OriginPattern.parse("https://neither.example").orElseThrow(), now());
        DomainException refusal = new DomainException(ErrorCode.FORBIDDEN, "no");

        assertThatThrownBy(() -> transactions.required(() -> {
                    corsOrigins.insert(origin);
                    settings.put("rolled-back-" + origin.id(), "x");
                    throw refusal;
                }))
                .isSameAs(refusal);

        assertThat(corsOrigins.list(store.id())).isEmpty();
        assertThat(settings.get("rolled-back-" + origin.id())).isEmpty();
    }

    @Test
    void whenRequiredWorkThrowsThenEveryWriteIsRolledBackAndTheExceptionReachesTheCallerUnchanged() {
        Store first = Store.open("First", StoreMode.TEST, now());
        Store second = Store.open("Second", StoreMode.LIVE, now());
        DomainException refusal = new DomainException(ErrorCode.FORBIDDEN, "no");

        assertThatThrownBy(() -> transactions.required(() -> {
                    stores.insert(first);
                    stores.insert(second);
                    settings.put("rolled-back-" + first.id(), "x");
                    throw refusal;
                }))
                .isSameAs(refusal);

        assertThat(stores.find(first.id())).isEmpty();
        assertThat(stores.find(second.id())).isEmpty();
        assertThat(settings.get("rolled-back-" + first.id())).isEmpty();
        assertThat(transactions.active()).isFalse();
    }

    @Test
    void whenNestedRequiredThrowsThenTheJoinedOuterTransactionRollsBackToo() {
        Store outer = Store.open("Outer", StoreMode.TEST, now());
        Store inner = Store.open("Inner", StoreMode.TEST, now());

        assertThatThrownBy(() -> transactions.required(() -> {
                    stores.insert(outer);
                    transactions.required(() -> {
                        stores.insert(inner);
                        throw new IllegalStateException("inner failure");
                    });
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("inner failure");

        assertThat(stores.find(outer.id())).isEmpty();
        assertThat(stores.find(inner.id())).isEmpty();
    }

    @Test
    void whenRequiredWorkCommitsThenItsAfterCommitActionsRunOnceAndSeeTheCommittedWrites() {
        Store store = Store.open("Published", StoreMode.TEST, now());
        List<Boolean> seen = new ArrayList<>();

        transactions.required(() -> {
            stores.insert(store);
            transactions.required(() -> transactions.afterCommit(() ->
                    seen.add(!transactions.active() && stores.find(store.id()).isPresent())));
            assertThat(seen).isEmpty();
        });

        assertThat(seen).containsExactly(true);
    }

    @Test
    void whenRequiredWorkRollsBackThenItsAfterCommitActionsNeverRun() {
        Store store = Store.open("Never published", StoreMode.TEST, now());
        AtomicBoolean published = new AtomicBoolean();

        assertThatThrownBy(() -> transactions.required(() -> {
                    stores.insert(store);
                    transactions.afterCommit(() -> published.set(true));
                    throw new DomainException(ErrorCode.FORBIDDEN, "no");
                }))
                .isInstanceOf(DomainException.class);

        assertThat(published).isFalse();
        assertThat(stores.find(store.id())).isEmpty();
    }

    @Test
    void whenIndependentWorkCommitsInsideARolledBackRequiredThenOnlyItsOwnAfterCommitActionsRun() {
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> transactions.required(() -> {
                    transactions.afterCommit(() -> ran.add("outer"));
                    transactions.independent(() -> transactions.afterCommit(() -> ran.add("independent")));
                    assertThat(ran).containsExactly("independent");
                    throw new IllegalStateException("outer fails");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(ran).containsExactly("independent");
    }

    @Test
    void whenWorkThrowsACommittedRefusalThenItsWritesCommitAndTheRefusalReachesTheCaller() {
        Store counted = Store.open("Attempt counted", StoreMode.TEST, now());
        DomainException wrongCode = new DomainException(ErrorCode.INVALID_OTP, "wrong code");

        assertThatThrownBy(() -> transactions.requiredThenRefuse(() -> {
                    stores.insert(counted);
                    throw new Transactions.CommittedRefusal(wrongCode);
                }))
                .isSameAs(wrongCode);

        assertThat(stores.find(counted.id())).isPresent();
        assertThat(transactions.active()).isFalse();
    }

    @Test
    void whenWorkUnderRequiredThenRefuseThrowsAnythingElseThenItRollsBack() {
        Store rolledBack = Store.open("Completion failed", StoreMode.TEST, now());

        assertThatThrownBy(() -> transactions.requiredThenRefuse(() -> {
                    stores.insert(rolledBack);
                    throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "disabled");
                }))
                .isInstanceOf(DomainException.class);

        assertThat(stores.find(rolledBack.id())).isEmpty();
    }

    @Test
    void whenNoTransactionIsBoundThenAnAfterCommitActionRunsAtOnce() {
        AtomicBoolean ran = new AtomicBoolean();

        transactions.afterCommit(() -> ran.set(true));

        assertThat(ran).isTrue();
    }

    @Test
    void whenIndependentWorkRunsInsideARolledBackRequiredThenItStillCommits() {
        Store rolledBack = Store.open("Rolled back", StoreMode.TEST, now());
        String setting = "independent-" + rolledBack.id();

        assertThatThrownBy(() -> transactions.required(() -> {
                    stores.insert(rolledBack);
                    transactions.independent(() -> settings.put(setting, "kept"));
                    throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "refused");
                }))
                .isInstanceOf(DomainException.class);

        assertThat(settings.get(setting)).contains("kept");
        assertThat(stores.find(rolledBack.id())).isEmpty();
    }

    @Test
    void whenIndependentWorkReturnsThenTheOuterTransactionIsBoundAgain() {
        Store outer = Store.open("Outer", StoreMode.TEST, now());
        AtomicBoolean boundAfter = new AtomicBoolean();

        assertThatThrownBy(() -> transactions.required(() -> {
                    transactions.independent(() -> settings.put("probe-" + outer.id(), "1"));
                    boundAfter.set(transactions.active());
                    stores.insert(outer);
                    throw new IllegalStateException("roll back the outer");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(boundAfter).isTrue();
        assertThat(stores.find(outer.id()))
                .as("written after independent(), in the outer transaction")
                .isEmpty();
    }

    @Test
    void whenIndependentWorkThrowsThenOnlyItsOwnWritesAreRolledBack() {
        Store outer = Store.open("Outer", StoreMode.TEST, now());
        String setting = "failed-independent-" + outer.id();

        transactions.required(() -> {
            stores.insert(outer);
            assertThatThrownBy(() -> transactions.independent(() -> {
                        settings.put(setting, "lost");
                        throw new IllegalArgumentException("independent failure");
                    }))
                    .isInstanceOf(IllegalArgumentException.class);
        });

        assertThat(stores.find(outer.id())).isPresent();
        assertThat(settings.get(setting)).isEmpty();
    }

    @Test
    void whenNoTransactionIsBoundThenEachStatementCommitsOnItsOwn() {
        Store store = Store.open("Auto-commit", StoreMode.TEST, now());

        stores.insert(store);

        assertThat(transactions.active()).isFalse();
        assertThat(transactions.independent(() -> stores.find(store.id()))).isPresent();
    }

    @Test
    void whenAStatementIsInvalidThenItFailsAsAnUncheckedDataAccessException() {
        assertThatThrownBy(() -> sql.update("UPDATE no_such_table SET x = ?", 1))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("no_such_table")
                .hasCauseInstanceOf(java.sql.SQLException.class);
    }
}
