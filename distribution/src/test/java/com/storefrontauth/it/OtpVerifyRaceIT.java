package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One challenge attacked by a burst of verifies sent at the same instant: the code signs in exactly once, every
 * wrong code counts exactly once, and each outcome leaves its audit event.
 */
class OtpVerifyRaceIT {

    private static final int BURST = 8;

    @Test
    void whenABurstVerifiesTheRightCodeAtOnceThenExactlyOneSignsInWithOneSessionAndOneEventOfEachKind()
            throws Exception {
        StoreFixture store = Fixtures.newStore();
        JsonObject challenge = start(store, unique("race") + "@example.com");

        List<Reply> replies = burst(() ->
                OtpSignInIT.verify(store, challenge.getString("otp_token"), challenge.getString("otp"), "register"));

        List<Reply> signedIn =
                replies.stream().filter(reply -> reply.status() == 200).toList();
        assertThat(signedIn).as(replies.toString()).hasSize(1);
        assertThat(signedIn.get(0).json().getString("access_token")).isNotBlank();
        assertThat(replies.stream().filter(reply -> reply.status() != 200).map(Reply::errorCode))
                .as(replies.toString())
                .hasSize(BURST - 1)
                .containsOnly("otp_expired");
        assertThat(events(store, "otp_verified")).hasSize(1);
        assertThat(events(store, "customer_registered")).hasSize(1);
        assertThat(Fixtures.admin().get(store.path("/sessions")).items()).hasSize(1);
    }

    @Test
    void whenABurstOfWrongCodesHitsOneChallengeThenEachAttemptCountsOnceAndEachOutcomeIsAudited() throws Exception {
        StoreFixture store = Fixtures.newStore();
        JsonObject challenge = start(store, unique("guess") + "@example.com");
        String code = challenge.getString("otp");
        String wrong = code.equals("000000") ? "111111" : "000000";

        List<Reply> replies =
                burst(() -> OtpSignInIT.verify(store, challenge.getString("otp_token"), wrong, "register"));

        List<Integer> remaining = replies.stream()
                .filter(reply -> "invalid_otp".equals(reply.errorCode()))
                .map(reply -> reply.json().getInt("attempts_remaining"))
                .sorted()
                .toList();
        assertThat(remaining).as(replies.toString()).containsExactly(0, 1, 2, 3, 4);
        assertThat(replies.stream().filter(reply -> !"invalid_otp".equals(reply.errorCode())))
                .as("the attempts past the fifth find the challenge burned")
                .hasSize(BURST - 5)
                .allSatisfy(reply -> assertThat(reply.errorCode()).isEqualTo("otp_expired"));
        assertThat(OtpSignInIT.verify(store, challenge.getString("otp_token"), code, "register")
                        .errorCode())
                .as("the right code after the burn")
                .isEqualTo("otp_expired");
        assertThat(events(store, "otp_failed")).hasSize(4);
        assertThat(events(store, "otp_burned")).hasSize(1);
        assertThat(events(store, "otp_verified")).isEmpty();
    }

    @Test
    void whenADisabledCustomerEntersTheRightCodeThenRefusedAndTheRefusalStaysInTheAuditLog() {
        StoreFixture store = Fixtures.newStore();
        String email = unique("disabled") + "@example.com";
        Reply registered = CustomerSignInIT.register(store, email);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        String customerId = registered.json().getJsonObject("user").getString("id");
        assertThat(Fixtures.admin()
                        .patch(store.path("/customers/" + customerId), Api.json("status", "disabled"))
                        .status())
                .isEqualTo(200);
        JsonObject challenge = start(store, email);

        Reply refused =
                OtpSignInIT.verify(store, challenge.getString("otp_token"), challenge.getString("otp"), "login");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("account_disabled");
        List<JsonObject> failed = events(store, "login_failed").stream()
                .map(JsonObject.class::cast)
                .toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).toString()).contains("account_disabled").contains("email_otp");
    }

    private static JsonObject start(StoreFixture store, String email) {
        Reply started = store.storefront()
                .with("X-Debug-Mode", "true")
                .post(store.path("/auth/login/email"), Api.json("email", email, "register_if_not_exists", true));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json();
    }

    private static List<?> events(StoreFixture store, String type) {
        return Fixtures.admin().get(store.path("/events?type=" + type)).items();
    }

    /** The same request from {@link #BURST} threads released together. */
    private static List<Reply> burst(Supplier<Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                calls.add(() -> {
                    go.await();
                    return request.get();
                });
            }
            List<Future<Reply>> futures = calls.stream().map(pool::submit).collect(Collectors.toList());
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
