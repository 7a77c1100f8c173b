package com.storefrontauth.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpCodes;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final OtpRules RULES = new OtpRules(6, Duration.ofMinutes(5), 3, Duration.ofSeconds(60), 5);
    private static final String STORE_NAME = "Acme Shop";

    private final MutableClock clock = new MutableClock();
    private final OtpCodes codes = new OtpCodes(secret());
    private final InMemoryOutbox messages = new InMemoryOutbox();
    private final FakeTransport transport = new FakeTransport();
    private final RecordedEvents events = new RecordedEvents();
    private final Outbox outbox = messages.outbox(transport, codes, events.log(clock), new DirectTransactions(), clock);
    private final StoreId store = StoreId.generate();

    private static byte[] secret() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 3);
        return secret;
    }

    private OtpChallenge.Issued challenge(Destination destination) {
        return OtpChallenge.issue(store, OtpAction.LOGIN, destination, "cus_1", false, RULES, codes, clock.instant());
    }

    private OtpChallenge.Issued challenge() {
        return challenge(new Destination(OtpChannel.SMS, "+14155550123"));
    }

    private OutboxMessage queue(OtpChallenge.Issued issued) {
        return outbox.queue(issued.challenge(), issued.code(), STORE_NAME, RULES, false);
    }

    private OutboxMessage stored(OutboxMessage message) {
        return messages.find(message.id()).orElseThrow();
    }

    @Test
    void whenAMessageIsDueThenItIsDeliveredOnceAndMarkedDelivered() {
        OutboxMessage message = queue(challenge());
        clock.advance(Duration.ofSeconds(2));

        assertThat(outbox.drain()).isEqualTo(1);

        assertThat(transport.accepted())
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.messageId()).isEqualTo(message.id()));
        OutboxMessage delivered = stored(message);
        assertThat(delivered.status()).isEqualTo(OutboxMessage.Status.DELIVERED);
        assertThat(delivered.transport()).isEqualTo(FakeTransport.NAME);
        assertThat(delivered.deliveredAt()).isEqualTo(clock.instant());
        assertThat(events.types()).containsExactly(AuditEventType.OTP_DELIVERED);

        clock.advance(Duration.ofMinutes(2));
        assertThat(outbox.drain()).isZero();
        assertThat(transport.attempts()).hasSize(1);
        assertThat(events.types()).containsExactly(AuditEventType.OTP_DELIVERED);
    }

    @Test
    void whenDeliveredThenTheTransportGetsTheOpenedTextAndCode() {
        OtpChallenge.Issued issued = challenge(new Destination(OtpChannel.EMAIL, "ana@example.com"));
        OutboxMessage message = queue(issued);
        assertThat(message.sealedText()).doesNotContain(issued.code());
        assertThat(message.sealedCode()).isNotEqualTo(issued.code());

        outbox.drain();

        MessageTransport.Delivery delivery = transport.accepted().get(0);
        assertThat(delivery.code()).isEqualTo(issued.code());
        assertThat(delivery.text())
                .isEqualTo(issued.code() + " is your Acme Shop sign-in code. It expires in 5 minutes. Never share it;"
                        + " if you did not ask for it, ignore this message.")
                .contains(issued.code())
                .contains(STORE_NAME)
                .contains("5 minutes");
        assertThat(delivery.subject()).isEqualTo("Your Acme Shop sign-in code");
        assertThat(delivery.html())
                .as("an email has an HTML part naming the store and carrying the code")
                .contains("<h1", "Acme Shop</h1>", issued.code());
        assertThat(message.sealedHtml()).doesNotContain(issued.code());
        assertThat(delivery.recipient()).isEqualTo("ana@example.com");
        assertThat(delivery.channel()).isEqualTo(OtpChannel.EMAIL);
        assertThat(delivery.store()).isEqualTo(store);
        assertThat(delivery.toString()).doesNotContain(issued.code());
    }

    @Test
    void whenATextMessageIsDeliveredThenItHasNoHtmlPart() {
        queue(challenge());

        outbox.drain();

        assertThat(transport.accepted().get(0).html()).isNull();
    }

    @Test
    void whenQueuedThenNotDeliveredBeforeADrain() {
        queue(challenge());

        assertThat(transport.attempts()).isEmpty();
        assertThat(messages.all())
                .singleElement()
                .satisfies(message -> assertThat(message.status()).isEqualTo(OutboxMessage.Status.PENDING));
    }

    @Test
    void whenTheTransportFailsThenTheMessageIsRescheduledWithGrowingBackoffAndTheFailureRecorded() {
        OutboxMessage message = queue(challenge());
        transport.failNext(3);

        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant now = clock.instant();
            assertThat(outbox.drain()).isEqualTo(1);
            OutboxMessage failed = stored(message);
            assertThat(failed.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(failed.attempts()).isEqualTo(attempt);
            assertThat(failed.nextAttemptAt()).isEqualTo(now.plus(Duration.ofSeconds(1L << (attempt - 1))));
            assertThat(failed.lastError()).isEqualTo("provider answered 502");
            assertThat(outbox.drain()).as("not due before its backoff ends").isZero();
            clock.advance(Duration.between(now, failed.nextAttemptAt()).minusMillis(1));
            assertThat(outbox.drain()).isZero();
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(transport.attempts()).hasSize(3);
        assertThat(transport.accepted()).isEmpty();
        assertThat(events.types())
                .containsExactly(
                        AuditEventType.OTP_DELIVERY_FAILED,
                        AuditEventType.OTP_DELIVERY_FAILED,
                        AuditEventType.OTP_DELIVERY_FAILED);
    }

    @Test
    void whenBackoffIsComputedThenItDoublesFromOneSecondUpToTheCapButNeverBeforeAnOutageEnds() {
        assertThat(Outbox.backoff(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Outbox.backoff(2, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Outbox.backoff(3, Duration.ZERO)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Outbox.backoff(5, Duration.ZERO)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Outbox.backoff(6, Duration.ZERO)).isEqualTo(Outbox.MAX_BACKOFF);
        assertThat(Outbox.backoff(40, Duration.ZERO)).isEqualTo(Outbox.MAX_BACKOFF);
        assertThat(Outbox.backoff(1, Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(45));
        assertThat(Outbox.backoff(4, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void whenTheChannelsCircuitIsOpenThenTheRetryWaitsForTheOutage() {
        OutboxMessage message = queue(challenge());
        transport.outage(OtpChannel.SMS, Duration.ofSeconds(20));

        outbox.drain();

        OutboxMessage failed = stored(message);
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(20));
        assertThat(failed.lastError()).isEqualTo("circuit open");
        clock.advance(Duration.ofSeconds(19));
        assertThat(outbox.drain()).isZero();
        transport.recover(OtpChannel.SMS);
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.drain()).isEqualTo(1);
        assertThat(stored(message).status()).isEqualTo(OutboxMessage.Status.DELIVERED);
    }

    @Test
    void whenTheTransportThrowsUnexpectedlyThenTheMessageIsRescheduledLikeARefusal() {
        OutboxMessage message = queue(challenge());
        transport.crashNext(new IllegalStateException("socket closed"));

        outbox.drain();

        assertThat(stored(message).status()).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(stored(message).attempts()).isEqualTo(1);
        assertThat(stored(message).lastError()).isEqualTo("socket closed");
        assertThat(events.types()).containsExactly(AuditEventType.OTP_DELIVERY_FAILED);
    }

    @Test
    void whenTheProviderRefusesForGoodThenTheMessageIsDroppedWithoutRetry() {
        OutboxMessage message = queue(challenge());
        transport.refuseNext();

        assertThat(outbox.drain()).isEqualTo(1);

        OutboxMessage dropped = stored(message);
        assertThat(dropped.status()).isEqualTo(OutboxMessage.Status.EXPIRED);
        assertThat(dropped.lastError()).isEqualTo("recipient rejected");
        assertThat(dropped.sealedCode()).isNull();
        assertThat(events.types()).containsExactly(AuditEventType.OTP_DELIVERY_FAILED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(outbox.drain()).isZero();
        assertThat(transport.attempts()).hasSize(1);
    }

    @Test
    void whenTheTransportRecoversThenTheMessageIsDeliveredExactlyOnce() {
        OtpChallenge.Issued issued = challenge();
        OutboxMessage message = queue(issued);
        transport.failNext(2);

        for (int round = 0; round < 20; round++) {
            outbox.drain();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(transport.attempts()).hasSize(3);
        assertThat(transport.accepted())
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.code()).isEqualTo(issued.code()));
        assertThat(stored(message).status()).isEqualTo(OutboxMessage.Status.DELIVERED);
        assertThat(stored(message).attempts()).isEqualTo(2);
        assertThat(events.types())
                .containsExactly(
                        AuditEventType.OTP_DELIVERY_FAILED,
                        AuditEventType.OTP_DELIVERY_FAILED,
                        AuditEventType.OTP_DELIVERED);
    }

    @Test
    void whenTheCodeExpiredBeforeDeliveryThenTheMessageIsDroppedAndNeverHandedToTheTransport() {
        OutboxMessage message = queue(challenge());
        clock.advance(RULES.ttl());

        assertThat(outbox.drain()).isEqualTo(1);

        assertThat(transport.attempts()).isEmpty();
        OutboxMessage expired = stored(message);
        assertThat(expired.status()).isEqualTo(OutboxMessage.Status.EXPIRED);
        assertThat(expired.sealedText()).isNull();
        assertThat(events.types()).containsExactly(AuditEventType.OTP_EXPIRED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(outbox.drain()).isZero();
    }

    @Test
    void whenTheCodeExpiresWhileRetryingThenTheNextRoundDropsIt() {
        OutboxMessage message = queue(challenge());
        transport.failNext(Integer.MAX_VALUE);
        outbox.drain();
        clock.advance(Duration.ofMinutes(6));

        outbox.drain();

        assertThat(transport.attempts()).hasSize(1);
        assertThat(stored(message).status()).isEqualTo(OutboxMessage.Status.EXPIRED);
        assertThat(events.types()).containsExactly(AuditEventType.OTP_DELIVERY_FAILED, AuditEventType.OTP_EXPIRED);
    }

    @Test
    void whenAChallengeIsQueuedAgainThenOnlyItsNewestCodeIsDelivered() {
        OtpChallenge.Issued issued = challenge();
        OutboxMessage first = queue(issued);
        clock.advance(Duration.ofSeconds(60));
        String code = issued.challenge().resend(RULES, codes, clock.instant());
        OutboxMessage second = outbox.queue(issued.challenge(), code, STORE_NAME, RULES, false);

        outbox.drain();

        assertThat(transport.accepted())
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.messageId()).isEqualTo(second.id()));
        assertThat(stored(first).status()).isEqualTo(OutboxMessage.Status.SUPERSEDED);
        assertThat(stored(second).status()).isEqualTo(OutboxMessage.Status.DELIVERED);
    }

    @Test
    void whenManyMessagesAreDueThenARoundTakesOneBatchAndTheNextRoundTheRest() {
        for (int i = 0; i < Outbox.BATCH + 5; i++) {
            queue(challenge(new Destination(OtpChannel.EMAIL, "user" + i + "@example.com")));
        }

        assertThat(outbox.drain()).isEqualTo(Outbox.BATCH);
        assertThat(outbox.drain()).isEqualTo(5);

        assertThat(transport.accepted()).hasSize(Outbox.BATCH + 5);
        assertThat(transport.accepted().stream()
                        .map(MessageTransport.Delivery::messageId)
                        .distinct()
                        .count())
                .isEqualTo(Outbox.BATCH + 5L);
        assertThat(Collections.frequency(events.types(), AuditEventType.OTP_DELIVERED))
                .isEqualTo(Outbox.BATCH + 5);
    }
}
