package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChallenge.Status;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaOtpChallengeRepositoryTest extends RepositoryTest {

    private static final String CODE = "123456";
    private static final String WRONG_CODE = "654321";
    private static final OtpRules RULES = new OtpRules(6, Duration.ofMinutes(10), 5, Duration.ofSeconds(30), 5);

    private static String uniqueEmail() {
        return "merchant-" + UUID.randomUUID() + "@example.com";
    }

    /** An open challenge for {@link #CODE}, last sent at {@code sentAt}, inserted. */
    private static OtpChallenge insert(
            StoreId store,
            OtpAction action,
            Destination destination,
            String subject,
            boolean decoy,
            Instant sentAt,
            Instant expiresAt,
            Status status) {
        TokenHash id = TokenHash.of(RandomSecret.generate(OtpChallenge.TOKEN_PREFIX));
        OtpChallenge challenge = new OtpChallenge(
                id,
                store,
                action,
                destination,
                subject,
                decoy,
                CODES.hash(id, CODE),
                0,
                5,
                1,
                sentAt,
                expiresAt,
                status,
                sentAt);
        otpChallenges.insert(challenge);
        return challenge;
    }

    private static OtpChallenge activation(String email, Instant sentAt, Instant expiresAt, Status status) {
        return insert(
                null,
                OtpAction.ACTIVATE_ACCOUNT,
                new Destination(OtpChannel.EMAIL, email),
                "acc_" + email,
                false,
                sentAt,
                expiresAt,
                status);
    }

    private static Optional<OtpChallenge> lock(StoreId store, TokenHash id) {
        return transactions.required(() -> otpChallenges.lock(store, id));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first transaction locks the challenge and holds it until released, then applies {@code change}
     * and commits; a second transaction locks it meanwhile with {@code secondLock}. The second one's
     * answer, after checking that it waited for the first to commit.
     */
    private static Optional<OtpChallenge> lockWhileHeld(
            Supplier<Optional<OtpChallenge>> firstLock,
            Supplier<Optional<OtpChallenge>> secondLock,
            Consumer<OtpChallenge> change)
            throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> transactions.required(() -> {
                OtpChallenge held = firstLock.get().orElseThrow();
                locked.countDown();
                await(release);
                change.accept(held);
                otpChallenges.update(held);
            }));
            await(locked);
            Future<Optional<OtpChallenge>> second = pool.submit(() -> transactions.required(secondLock::get));
            Thread.sleep(300);
            assertThat(second.isDone())
                    .as("the second lock waits for the first transaction")
                    .isFalse();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            return second.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void whenAStoreChallengeIsInsertedThenLockReadsEveryField() {
        Store store = newStore();
        Instant now = now();
        OtpChallenge challenge = insert(
                store.id(),
                OtpAction.UPDATE_PHONE,
                new Destination(OtpChannel.WHATSAPP, "+919876543210"),
                "cus_0123456789abcdef",
                false,
                now,
                now.plus(Duration.ofMinutes(10)),
                Status.OPEN);

        assertThat(lock(challenge.store(), challenge.id()))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(challenge);
        assertThat(lock(newStore().id(), challenge.id())).as("another store's").isEmpty();
        assertThat(lock(null, challenge.id())).as("one of no store").isEmpty();
    }

    @Test
    void whenAMerchantDecoyWithoutSubjectIsInsertedThenTheNullsAndTheDecoyFlagRoundTrip() {
        Instant now = now();
        OtpChallenge decoy = insert(
                null,
                OtpAction.ACTIVATE_ACCOUNT,
                new Destination(OtpChannel.EMAIL, uniqueEmail()),
                null,
                true,
                now,
                now.plusSeconds(900),
                Status.BURNED);

        OtpChallenge found = lock(decoy.store(), decoy.id()).orElseThrow();

        assertThat(found).usingRecursiveComparison().isEqualTo(decoy);
        assertThat(found.store()).isNull();
        assertThat(found.subject()).isNull();
        assertThat(found.decoy()).isTrue();
    }

    @Test
    void whenAnUnknownChallengeIsLockedThenNothingIsFound() {
        assertThat(lock(null, newHash())).isEmpty();
        assertThat(lock(newStore().id(), newHash())).isEmpty();
    }

    @Test
    void whenAWrongCodeAndAResendAreSavedThenAttemptsCodeSendsTimesAndStatusAreRead() {
        Store store = newStore();
        Instant now = now();
        OtpChallenge challenge = insert(
                store.id(),
                OtpAction.LOGIN,
                new Destination(OtpChannel.SMS, "+14155550101"),
                "cus_1",
                false,
                now.minusSeconds(120),
                now.plusSeconds(480),
                Status.OPEN);

        transactions.required(() -> {
            OtpChallenge locked =
                    otpChallenges.lock(challenge.store(), challenge.id()).orElseThrow();
            assertThat(locked.verify(WRONG_CODE, CODES, now)).isInstanceOf(OtpChallenge.Rejected.class);
            otpChallenges.update(locked);
        });
        assertThat(lock(challenge.store(), challenge.id()))
                .map(OtpChallenge::attempts)
                .contains(1);

        String[] resent = new String[1];
        OtpChallenge afterResend = transactions.required(() -> {
            OtpChallenge locked =
                    otpChallenges.lock(challenge.store(), challenge.id()).orElseThrow();
            resent[0] = locked.resend(RULES, CODES, now);
            otpChallenges.update(locked);
            return locked;
        });

        OtpChallenge found = lock(challenge.store(), challenge.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(afterResend);
        assertThat(found.attempts()).isZero();
        assertThat(found.sends()).isEqualTo(2);
        assertThat(found.lastSentAt()).isEqualTo(now);
        assertThat(found.expiresAt()).isEqualTo(now.plus(RULES.ttl()));
        assertThat(found.codeHash())
                .isNotEqualTo(challenge.codeHash())
                .isEqualTo(CODES.hash(challenge.id(), resent[0]));

        transactions.required(() -> {
            OtpChallenge locked =
                    otpChallenges.lock(challenge.store(), challenge.id()).orElseThrow();
            assertThat(locked.verify(resent[0], CODES, now)).isInstanceOf(OtpChallenge.Accepted.class);
            otpChallenges.update(locked);
        });
        assertThat(lock(challenge.store(), challenge.id()))
                .map(OtpChallenge::status)
                .contains(Status.USED);
    }

    @Test
    void whenAChallengeIsLockedThenASecondLockWaitsForTheCommitAndReadsTheNewAttemptCount() throws Exception {
        Store store = newStore();
        Instant now = now();
        OtpChallenge challenge = insert(
                store.id(),
                OtpAction.LOGIN,
                new Destination(OtpChannel.EMAIL, "a@example.com"),
                "cus_2",
                false,
                now,
                now.plusSeconds(600),
                Status.OPEN);

        Optional<OtpChallenge> second = lockWhileHeld(
                () -> otpChallenges.lock(challenge.store(), challenge.id()),
                () -> otpChallenges.lock(challenge.store(), challenge.id()),
                held -> held.verify(WRONG_CODE, CODES, now));

        assertThat(second).map(OtpChallenge::attempts).contains(1);
    }

    @Test
    void whenActivationsAreLookedUpThenTheNewestOpenUnexpiredOneOfThatEmailIsLocked() {
        Store store = newStore();
        String email = uniqueEmail();
        Instant now = now();
        activation(email, now.minusSeconds(300), now.plusSeconds(600), Status.OPEN);
        OtpChallenge newestOpen = activation(email, now.minusSeconds(200), now.plusSeconds(700), Status.OPEN);
        activation(email, now.minusSeconds(100), now.plusSeconds(800), Status.USED);
        activation(email, now.minusSeconds(90), now.plusSeconds(800), Status.BURNED);
        activation(email, now.minusSeconds(50), now.minusSeconds(1), Status.OPEN);
        activation(email, now.minusSeconds(40), now, Status.OPEN);
        insert(
                store.id(),
                OtpAction.LOGIN,
                new Destination(OtpChannel.EMAIL, email),
                "cus_3",
                false,
                now.minusSeconds(30),
                now.plusSeconds(600),
                Status.OPEN);
        insert(
                null,
                OtpAction.ACTIVATE_ACCOUNT,
                new Destination(OtpChannel.SMS, email),
                null,
                false,
                now.minusSeconds(20),
                now.plusSeconds(600),
                Status.OPEN);
        activation(uniqueEmail(), now.minusSeconds(10), now.plusSeconds(600), Status.OPEN);

        Optional<OtpChallenge> found = transactions.required(
                () -> otpChallenges.lockOpenAccountChallenge(OtpAction.ACTIVATE_ACCOUNT, email, now));

        assertThat(found).get().usingRecursiveComparison().isEqualTo(newestOpen);
    }

    @Test
    void whenSignInChallengesAreLookedUpByAddressThenTheStoresNewestOpenOneOfThoseActionsIsLocked() {
        Store store = newStore();
        Store other = newStore();
        Destination email = new Destination(OtpChannel.EMAIL, uniqueEmail());
        Instant now = now();
        insert(
                store.id(),
                OtpAction.LOGIN,
                email,
                "cus_1",
                false,
                now.minusSeconds(300),
                now.plusSeconds(600),
                Status.OPEN);
        OtpChallenge newestOpen = insert(
                store.id(),
                OtpAction.VERIFY,
                email,
                "cus_1",
                false,
                now.minusSeconds(200),
                now.plusSeconds(600),
                Status.OPEN);
        insert(
                store.id(),
                OtpAction.LOGIN,
                email,
                "cus_1",
                false,
                now.minusSeconds(100),
                now.plusSeconds(600),
                Status.USED);
        insert(
                store.id(),
                OtpAction.LOGIN,
                email,
                "cus_1",
                false,
                now.minusSeconds(90),
                now.minusSeconds(1),
                Status.OPEN);
        insert(
                store.id(),
                OtpAction.CONFIRM_CONTACT,
                email,
                "cus_1",
                false,
                now.minusSeconds(80),
                now.plusSeconds(600),
                Status.OPEN);
        insert(
                store.id(),
                OtpAction.LOGIN,
                new Destination(OtpChannel.SMS, email.address()),
                "cus_1",
                false,
                now.minusSeconds(70),
                now.plusSeconds(600),
                Status.OPEN);
        insert(
                other.id(),
                OtpAction.LOGIN,
                email,
                "cus_2",
                false,
                now.minusSeconds(60),
                now.plusSeconds(600),
                Status.OPEN);

        Optional<OtpChallenge> found = transactions.required(
                () -> otpChallenges.lockNewestOpen(store.id(), email, Set.of(OtpAction.LOGIN, OtpAction.VERIFY), now));

        assertThat(found).get().usingRecursiveComparison().isEqualTo(newestOpen);
        assertThat(transactions.required(() -> otpChallenges.lockNewestOpen(
                        store.id(), new Destination(OtpChannel.EMAIL, uniqueEmail()), Set.of(OtpAction.LOGIN), now)))
                .isEmpty();
    }

    @Test
    void whenAnEmailHasNoOpenActivationThenNothingIsFound() {
        String email = uniqueEmail();
        Instant now = now();
        activation(email, now.minusSeconds(100), now.plusSeconds(600), Status.USED);
        activation(email, now.minusSeconds(700), now.minusSeconds(100), Status.OPEN);

        assertThat(transactions.required(
                        () -> otpChallenges.lockOpenAccountChallenge(OtpAction.ACTIVATE_ACCOUNT, email, now)))
                .isEmpty();
        assertThat(transactions.required(
                        () -> otpChallenges.lockOpenAccountChallenge(OtpAction.ACTIVATE_ACCOUNT, uniqueEmail(), now)))
                .isEmpty();
    }

    @Test
    void whenAnActivationIsLockedAndUsedThenASecondLookupWaitsAndFindsNoOpenOne() throws Exception {
        String email = uniqueEmail();
        Instant now = now();
        activation(email, now, now.plusSeconds(900), Status.OPEN);

        Optional<OtpChallenge> second = lockWhileHeld(
                () -> otpChallenges.lockOpenAccountChallenge(OtpAction.ACTIVATE_ACCOUNT, email, now),
                () -> otpChallenges.lockOpenAccountChallenge(OtpAction.ACTIVATE_ACCOUNT, email, now),
                held -> assertThat(held.verify(CODE, CODES, now)).isInstanceOf(OtpChallenge.Accepted.class));

        assertThat(second).isEmpty();
    }

    @Test
    void whenAChallengeIsUpdatedAndLockedAgainInTheSameTransactionThenTheSecondLockReadsTheUpdate() {
        Store store = newStore();
        Instant now = now();
        OtpChallenge challenge = insert(
                store.id(),
                OtpAction.LOGIN,
                new Destination(OtpChannel.EMAIL, uniqueEmail()),
                "cus_4",
                false,
                now,
                now.plusSeconds(600),
                Status.OPEN);

        OtpChallenge again = transactions.required(() -> {
            OtpChallenge locked = otpChallenges.lock(store.id(), challenge.id()).orElseThrow();
            locked.verify(WRONG_CODE, CODES, now);
            otpChallenges.update(locked);
            return otpChallenges
                    .lockNewestOpen(store.id(), challenge.destination(), Set.of(OtpAction.LOGIN), now)
                    .orElseThrow();
        });

        assertThat(again.attempts()).isEqualTo(1);
    }

    /** An insert is written with the transaction's next flush: the transaction's own lookups flush it first. */
    @Test
    void whenAChallengeIsInsertedThenTheSameTransactionsLookupsFindItAndARollbackTakesItAway() {
        Store store = newStore();
        Destination email = new Destination(OtpChannel.EMAIL, uniqueEmail());
        Instant now = now();
        OtpChallenge[] inserted = new OtpChallenge[1];

        assertThatThrownBy(() -> transactions.required(() -> {
                    inserted[0] = insert(
                            store.id(), OtpAction.LOGIN, email, "cus_5", false, now, now.plusSeconds(600), Status.OPEN);
                    assertThat(otpChallenges.lockNewestOpen(store.id(), email, Set.of(OtpAction.LOGIN), now))
                            .get()
                            .usingRecursiveComparison()
                            .isEqualTo(inserted[0]);
                    assertThat(otpChallenges.lock(store.id(), inserted[0].id())).isPresent();
                    throw new IllegalStateException("the request fails after the code was started");
                }))
                .hasMessage("the request fails after the code was started");

        assertThat(lock(store.id(), inserted[0].id())).isEmpty();
    }

    @Test
    void whenTwoOpenChallengesWereSentAndCreatedAtTheSameInstantThenTheSmallerIdIsLocked() {
        Store store = newStore();
        Destination email = new Destination(OtpChannel.EMAIL, uniqueEmail());
        Instant now = now();
        OtpChallenge one =
                insert(store.id(), OtpAction.LOGIN, email, "cus_5", false, now, now.plusSeconds(600), Status.OPEN);
        OtpChallenge two =
                insert(store.id(), OtpAction.LOGIN, email, "cus_5", false, now, now.plusSeconds(600), Status.OPEN);
        TokenHash smaller = one.id().hex().compareTo(two.id().hex()) < 0 ? one.id() : two.id();

        assertThat(transactions.required(
                        () -> otpChallenges.lockNewestOpen(store.id(), email, Set.of(OtpAction.LOGIN), now)))
                .map(OtpChallenge::id)
                .contains(smaller);
    }

    @Test
    void whenASignInChallengeIsLockedAndUsedThenASecondLookupWaitsAndFindsNoOpenOne() throws Exception {
        Store store = newStore();
        Destination email = new Destination(OtpChannel.EMAIL, uniqueEmail());
        Instant now = now();
        insert(store.id(), OtpAction.LOGIN, email, "cus_6", false, now, now.plusSeconds(600), Status.OPEN);

        Optional<OtpChallenge> second = lockWhileHeld(
                () -> otpChallenges.lockNewestOpen(store.id(), email, Set.of(OtpAction.LOGIN), now),
                () -> otpChallenges.lockNewestOpen(store.id(), email, Set.of(OtpAction.LOGIN), now),
                held -> assertThat(held.verify(CODE, CODES, now)).isInstanceOf(OtpChallenge.Accepted.class));

        assertThat(second).isEmpty();
    }

    @Test
    void whenExpiredChallengesAreDeletedThenOnlyThoseExpiredBeforeTheCutOffGo() {
        Instant epoch = Instant.parse("2001-02-03T04:05:06Z");
        String email = uniqueEmail();
        OtpChallenge old = activation(email, epoch.minusSeconds(600), epoch.minusSeconds(1), Status.OPEN);
        OtpChallenge older = activation(email, epoch.minusSeconds(900), epoch.minusSeconds(300), Status.USED);
        OtpChallenge atCutOff = activation(email, epoch.minusSeconds(600), epoch, Status.OPEN);
        OtpChallenge current = activation(email, now(), now().plusSeconds(600), Status.OPEN);

        assertThat(otpChallenges.deleteExpired(epoch, 10)).isEqualTo(2);

        assertThat(lock(old.store(), old.id())).isEmpty();
        assertThat(lock(older.store(), older.id())).isEmpty();
        assertThat(lock(atCutOff.store(), atCutOff.id())).isPresent();
        assertThat(lock(current.store(), current.id())).isPresent();
    }

    @Test
    void whenExpiredChallengesAreDeletedInBatchesThenEachTakesAtMostItsLimitAndAnUnexpiredChallengeStays() {
        Instant cutOff = Instant.parse("1990-01-01T00:00:00Z");
        String email = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            activation(email, cutOff.minusSeconds(900 + i), cutOff.minusSeconds(300 + i), Status.OPEN);
        }
        OtpChallenge atCutOff = activation(email, cutOff.minusSeconds(600), cutOff, Status.OPEN);
        OtpChallenge unexpired = activation(email, now(), now().plusSeconds(600), Status.OPEN);

        assertThat(otpChallenges.deleteExpired(cutOff, 2)).isEqualTo(2);
        assertThat(otpChallenges.deleteExpired(cutOff, 2)).isEqualTo(2);
        assertThat(otpChallenges.deleteExpired(cutOff, 2)).isEqualTo(1);
        assertThat(otpChallenges.deleteExpired(cutOff, 2)).isZero();

        assertThat(lock(atCutOff.store(), atCutOff.id())).isPresent();
        assertThat(lock(unexpired.store(), unexpired.id())).isPresent();
        // a microsecond later the cut-off takes the challenge expiring at it, and leaves no row for the other tests
        assertThat(otpChallenges.deleteExpired(cutOff.plusNanos(1_000), 2)).isEqualTo(1);
        assertThat(lock(unexpired.store(), unexpired.id())).isPresent();
    }
}
