package com.storefrontauth.it;

import static com.storefrontauth.it.OtpSignInIT.phone;
import static com.storefrontauth.it.OtpSignInIT.verify;
import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.WebhookReceiver;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery through the outbox when the provider fails: codes queued during an outage arrive once the
 * provider recovers, each exactly once; while the channel's circuit is open, a new code is refused
 * with 503 at once instead of being promised. Every webhook request carries a signed timestamp.
 */
class DeliveryIT {

    private static final WebhookReceiver WEBHOOK = WebhookReceiver.get();

    @AfterEach
    void recover() {
        WEBHOOK.failing("sms", false);
        WEBHOOK.failing("whatsapp", false);
    }

    @Test
    void whenProviderFailsThenRecoversThenEveryQueuedCodeArrivesExactlyOnceAndVerifies() {
        StoreFixture store = Fixtures.newStore();
        store.policy("whatsapp_otp_login", true);
        WEBHOOK.failing("whatsapp", true);
        int callsBefore = WEBHOOK.calls("whatsapp");
        String phone = phone();
        JsonObject challenge = store.storefront()
                .post(store.path("/auth/login/whatsapp"), Api.json("phone", phone, "register_if_not_exists", true))
                .json();
        awaitCalls("whatsapp", callsBefore + 3);
        assertThat(WEBHOOK.to(phone)).isEmpty();

        WEBHOOK.failing("whatsapp", false);
        List<JsonObject> delivered = WEBHOOK.await(phone, 1);
        sleep(Duration.ofSeconds(2));
        assertThat(WEBHOOK.to(phone)).hasSize(1);
        JsonObject message = delivered.get(0);
        Reply verified = verify(store, challenge.getString("otp_token"), message.getString("otp"), "register");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);

        JsonObject events = Fixtures.admin()
                .get(store.path("/events?type=otp_delivery_failed"))
                .json();
        assertThat(events.getJsonArray("items")).isNotEmpty();
    }

    @Test
    void whenCircuitIsOpenThenANewCodeIs503FastWithoutCallingTheProviderAndQueuedCodesArriveAfterRecovery() {
        StoreFixture store = Fixtures.newStore();
        store.policy("ip_rate_limit_per_minute", 600);
        WEBHOOK.failing("sms", true);
        List<String> queued = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        Reply refused = null;
        while (Instant.now().isBefore(deadline)) {
            String phone = phone();
            Reply reply = store.storefront()
                    .post(store.path("/auth/login/phone"), Api.json("phone", phone, "register_if_not_exists", true));
            if (reply.status() == 503) {
                refused = reply;
                break;
            }
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            queued.add(phone);
            sleep(Duration.ofMillis(500));
        }
        assertThat(refused).as("the circuit never opened").isNotNull();
        assertProblem(refused, 503, "service_unavailable");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 10);

        int callsWhileOpen = WEBHOOK.calls("sms");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long begun = System.nanoTime();
            Reply again = store.storefront()
                    .post(store.path("/auth/login/phone"), Api.json("phone", phone(), "register_if_not_exists", true));
            millis.add((System.nanoTime() - begun) / 1_000_000);
            assertProblem(again, 503, "service_unavailable");
        }
        assertThat(WEBHOOK.calls("sms"))
                .as("the provider is not called while the circuit is open")
                .isEqualTo(callsWhileOpen);
        assertThat(millis.stream().sorted().toList().get(2))
                .as("median answer time in ms")
                .isLessThan(100);

        WEBHOOK.failing("sms", false);
        for (String phone : queued) {
            WEBHOOK.await(phone, 1);
        }
        sleep(Duration.ofSeconds(2));
        Set<String> ids = queued.stream()
                .flatMap(phone -> WEBHOOK.to(phone).stream())
                .map(message -> message.getString("message_id"))
                .collect(Collectors.toSet());
        assertThat(queued.stream().mapToInt(phone -> WEBHOOK.to(phone).size()).sum())
                .isEqualTo(queued.size());
        assertThat(ids).hasSize(queued.size());
    }

    @Test
    void whenACodeGoesByWebhookThenItsTimestampIsSignedSoARecordedRequestCannotBeReplayedLater() {
        StoreFixture store = Fixtures.newStore();
        int refusedBefore = WEBHOOK.badSignatures();
        String phone = phone();
        Reply started = store.storefront()
                .post(store.path("/auth/login/phone"), Api.json("phone", phone, "register_if_not_exists", true));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);

        WEBHOOK.await(phone, 1);
        WebhookReceiver.Request request = WEBHOOK.requestsTo(phone).get(0);
        Instant now = Instant.now();
        long timestamp = Long.parseLong(request.timestamp());
        assertThat(timestamp).isBetween(now.minusSeconds(60).getEpochSecond(), now.getEpochSecond());
        assertThat(request.timestampedSignature()).startsWith("t=" + timestamp + ",sha256=");
        assertThat(WebhookReceiver.authentic(request, now)).isTrue();
        assertThat(WEBHOOK.badSignatures()).as("requests the receiver refused").isEqualTo(refusedBefore);

        // a captured request replayed after the tolerance is refused, and a fresh timestamp cannot be put in
        Instant replayedAt =
                Instant.ofEpochSecond(timestamp).plus(WebhookReceiver.TOLERANCE).plusSeconds(1);
        assertThat(WebhookReceiver.authentic(request, replayedAt)).isFalse();
        assertThat(WebhookReceiver.authentic(request.retimed(replayedAt.getEpochSecond()), replayedAt))
                .isFalse();
    }

    private static void awaitCalls(String channel, int calls) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (WEBHOOK.calls(channel) < calls && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(50));
        }
        assertThat(WEBHOOK.calls(channel)).isGreaterThanOrEqualTo(calls);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
