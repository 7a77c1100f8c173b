package com.storefrontauth.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.CountingTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxRetentionTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryOutbox messages = new InMemoryOutbox();
    private final CountingTransactions transactions = new CountingTransactions();
    private final OutboxRetention retention = new OutboxRetention(messages, transactions, clock);
    private final StoreId store = StoreId.generate();

    /** A pending message queued at {@code createdAt}, its code good for ten minutes. */
    private OutboxMessage queued(Instant createdAt) {
        String id = OutboxMessage.newId();
        OutboxMessage message = new OutboxMessage(
                id,
                store,
                TokenHash.of("otp_" + id),
                OtpChannel.EMAIL,
                "carla@example.com",
                "Your code",
                "sealed-text",
                "sealed-code",
                null,
                false,
                OutboxMessage.Status.PENDING,
                0,
                createdAt,
                createdAt.plus(Duration.ofMinutes(10)),
                createdAt,
                null,
                null,
                null);
        messages.insert(message);
        return message;
    }

    private OutboxMessage delivered(Instant createdAt) {
        OutboxMessage message = queued(createdAt);
        messages.markDelivered(message, "smtp", createdAt.plusSeconds(1));
        return message;
    }

    @Test
    void whenMessagesAreDoneWithForOverAWeekThenTheyGoAndNewerOnesStay() {
        Instant now = clock.instant();
        OutboxMessage delivered = delivered(now.minus(Duration.ofDays(8)));
        OutboxMessage expired = queued(now.minus(Duration.ofDays(8)));
        messages.markExpired(expired, "the code expired before a provider accepted it");
        OutboxMessage superseded = queued(now.minus(Duration.ofDays(8)));
        messages.supersedePending(superseded.challenge());
        OutboxMessage deliveredRecently = delivered(now.minus(Duration.ofDays(6)));

        assertThat(retention.prune()).isEqualTo(3);

        assertThat(messages.find(delivered.id())).isEmpty();
        assertThat(messages.find(expired.id())).isEmpty();
        assertThat(messages.find(superseded.id())).isEmpty();
        assertThat(messages.find(deliveredRecently.id())).isPresent();
    }

    @Test
    void whenAQueuedMessageIsOlderThanTheWeekThenItIsNeverForgottenWhileItIsPending() {
        OutboxMessage pending = queued(clock.instant().minus(Duration.ofDays(30)));

        assertThat(retention.prune()).isZero();
        assertThat(messages.find(pending.id()))
                .get()
                .extracting(OutboxMessage::status)
                .isEqualTo(OutboxMessage.Status.PENDING);

        messages.markDelivered(pending, "smtp", clock.instant());
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(messages.find(pending.id())).isEmpty();
    }

    @Test
    void whenTheBacklogExceedsOneBatchThenItIsForgottenInOneRunOneBatchPerTransactionAndQueuedOnesStay() {
        int backlog = OutboxRetention.BATCH * 2 + 7;
        for (int i = 0; i < backlog; i++) {
            delivered(clock.instant().minus(Duration.ofDays(9)));
        }
        OutboxMessage pending = queued(clock.instant().minus(Duration.ofDays(9)));

        assertThat(retention.prune()).isEqualTo(backlog);

        assertThat(transactions.begun()).isEqualTo(3);
        assertThat(messages.all()).extracting(OutboxMessage::id).containsExactly(pending.id());
    }
}
