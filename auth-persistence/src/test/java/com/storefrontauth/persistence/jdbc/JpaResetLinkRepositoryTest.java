package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.ResetLink;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.persistence.jpa.Jpa;
import com.storefrontauth.persistence.jpa.JpaResetLinkRepository;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaResetLinkRepositoryTest extends RepositoryTest {

    private static ResetLink insert(Store store, Instant expiresAt) {
        ResetLink link = new ResetLink(
                newHash(),
                store.id(),
                new CustomerId("cus_" + newHash().hex().substring(0, 24)),
                "reset@example.com",
                expiresAt,
                now());
        new JpaResetLinkRepository(new Jpa(transactions, transactions)).insert(link);
        return link;
    }

    private static Optional<ResetLink> spend(ResetLink link, Store store, Instant now) {
        return transactions.required(() ->
                new JpaResetLinkRepository(new Jpa(transactions, transactions)).spend(link.id(), store.id(), now));
    }

    @Test
    void whenALinkIsSpentThenItIsReadBackOnceAndNeverAgain() {
        Store store = newStore();
        ResetLink link = insert(store, now().plusSeconds(600));
        assertThat(spend(link, store, now())).get().usingRecursiveComparison().isEqualTo(link);
        assertThat(spend(link, store, now())).isEmpty();
    }

    @Test
    void whenALinkIsExpiredOrOfAnotherStoreThenItIsNotSpent() {
        Store store = newStore();
        Store other = newStore();
        ResetLink expired = insert(store, now().minusSeconds(1));
        ResetLink foreign = insert(other, now().plusSeconds(600));
        assertThat(spend(expired, store, now())).isEmpty();
        assertThat(spend(foreign, store, now())).isEmpty();
        assertThat(spend(foreign, other, now())).isPresent();
    }

    @Test
    void whenALinkIsSpentTwiceAtOnceThenExactlyOneGetsIt() throws Exception {
        Store store = newStore();
        ResetLink link = insert(store, now().plusSeconds(600));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Optional<ResetLink>> use = () -> spend(link, store, now());
            Future<Optional<ResetLink>> first = pool.submit(use);
            Future<Optional<ResetLink>> second = pool.submit(use);
            assertThat(first.get().isPresent() ^ second.get().isPresent()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenExpiredLinksAreDeletedThenOnlyThoseBeforeTheCutOffGo() {
        Store store = newStore();
        Instant now = now();
        ResetLink old = insert(store, now.minusSeconds(7200));
        ResetLink fresh = insert(store, now.plusSeconds(600));
        new JpaResetLinkRepository(new Jpa(transactions, transactions)).deleteExpired(now.minusSeconds(3600), 10);
        assertThat(spend(old, store, now.minusSeconds(8000))).isEmpty();
        assertThat(spend(fresh, store, now)).isPresent();
    }

    @Test
    void whenALinkExpiresAtTheInstantItIsUsedThenItIsRefusedButAMicrosecondBeforeItIsSpent() {
        Store store = newStore();
        Instant now = now();
        ResetLink expiring = insert(store, now);
        ResetLink lastMicrosecond = insert(store, now.plusNanos(1_000));

        assertThat(spend(expiring, store, now)).isEmpty();
        assertThat(spend(lastMicrosecond, store, now))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(lastMicrosecond);
    }

    @Test
    void whenALinkIsInsertedAndSpentInOneTransactionThenItIsSpentOnce() {
        Store store = newStore();
        JpaResetLinkRepository links = new JpaResetLinkRepository(new Jpa(transactions, transactions));
        ResetLink link = new ResetLink(
                newHash(),
                store.id(),
                new CustomerId("cus_" + newHash().hex().substring(0, 24)),
                "same@example.com",
                now().plusSeconds(600),
                now());

        Optional<ResetLink> spent = transactions.required(() -> {
            links.insert(link);
            Optional<ResetLink> first = links.spend(link.id(), store.id(), now());
            assertThat(links.spend(link.id(), store.id(), now())).isEmpty();
            return first;
        });

        assertThat(spent).get().usingRecursiveComparison().isEqualTo(link);
        assertThat(spend(link, store, now())).isEmpty();
    }

    @Test
    void whenExpiredLinksAreDeletedThenTheCountIsOfThoseDeleted() {
        Store store = newStore();
        Instant cutOff = Instant.parse("2001-01-01T00:00:00Z");
        insert(store, cutOff.minusSeconds(1));
        insert(store, cutOff.minusSeconds(2));
        ResetLink atTheCutOff = insert(store, cutOff);

        assertThat(new JpaResetLinkRepository(new Jpa(transactions, transactions)).deleteExpired(cutOff, 10))
                .isEqualTo(2);
        assertThat(sql.count(
                        "SELECT COUNT(*) FROM password_reset_links WHERE id_hash = ?",
                        atTheCutOff.id().hex()))
                .isEqualTo(1);
    }

    @Test
    void whenExpiredLinksAreDeletedInBatchesThenEachTakesAtMostItsLimitAndALiveLinkStays() {
        Store store = newStore();
        JpaResetLinkRepository links = new JpaResetLinkRepository(new Jpa(transactions, transactions));
        Instant cutOff = Instant.parse("1990-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            insert(store, cutOff.minusSeconds(1 + i));
        }
        ResetLink live = insert(store, now().plusSeconds(600));

        assertThat(links.deleteExpired(cutOff, 2)).isEqualTo(2);
        assertThat(links.deleteExpired(cutOff, 2)).isEqualTo(2);
        assertThat(links.deleteExpired(cutOff, 2)).isEqualTo(1);
        assertThat(links.deleteExpired(cutOff, 2)).isZero();

        assertThat(spend(live, store, now())).isPresent();
    }
}
