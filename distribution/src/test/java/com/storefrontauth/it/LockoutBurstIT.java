package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords in a concurrent burst, as an attacker would: every guess is sent at once, so none is
 * judged after the ones before it have been counted. The lockout reserves each attempt before hashing,
 * so at most the threshold (plus two, for attempts settled while others arrive) are ever judged.
 */
class LockoutBurstIT {

    private static final int BURST = 40;
    private static final int DEFAULT_THRESHOLD = 5;

    @Test
    void whenFortyGuessesAtAKnownCustomerArriveAtOnceThenAtMostThresholdPlusTwoAreJudged() throws Exception {
        StoreFixture store = Fixtures.newStore();
        store.policy("lockout_threshold", 3, "ip_rate_limit_per_minute", 500);
        String email = CustomerSignInIT.unique("burst") + "@example.com";
        assertThat(CustomerSignInIT.register(store, email).status()).isEqualTo(200);

        List<Reply> replies = burst(() -> CustomerSignInIT.login(
                store, Api.json("email", email, "password", "wrong guess " + System.nanoTime())));

        assertJudgedAtMost(replies, 3 + 2);
        assertProblem(
                CustomerSignInIT.login(store, Api.json("email", email, "password", CustomerSignInIT.PASSWORD)),
                429,
                "too_many_attempts");
    }

    @Test
    void whenFortyGuessesAtAnUnknownCustomerArriveAtOnceThenTheyAreLimitedTheSameWay() throws Exception {
        StoreFixture store = Fixtures.newStore();
        store.policy("lockout_threshold", 3, "ip_rate_limit_per_minute", 500);
        String email = CustomerSignInIT.unique("nobody") + "@example.com";

        List<Reply> replies = burst(() -> CustomerSignInIT.login(
                store, Api.json("email", email, "password", "wrong guess " + System.nanoTime())));

        assertJudgedAtMost(replies, 3 + 2);
    }

    @Test
    void whenFortyGuessesAtAMerchantAccountArriveAtOnceThenAtMostTheDefaultThresholdPlusTwoAreJudged()
            throws Exception {
        String email = MerchantAccountIT.unique("burst") + "@shop.example";

        List<Reply> replies = burst(() -> Api.server()
                .post(
                        "/api/v1/accounts/login",
                        Api.json("email", email, "password", "wrong guess " + System.nanoTime())));

        assertJudgedAtMost(replies, DEFAULT_THRESHOLD + 2);
    }

    @Test
    void whenOwnerSignInIsGuessedThroughSeveralStoresThenTheMerchantHasOneBudget() throws Exception {
        JsonObject merchant = activatedMerchant();
        String email = merchant.getJsonObject("account").getString("email");
        StoreFixture first = Fixtures.newStore();
        StoreFixture second = Fixtures.newStore();

        for (int i = 0; i < 3; i++) {
            assertProblem(ownerLogin(first, email, "wrong guess " + i), 401, "invalid_credentials");
        }
        for (int i = 0; i < 2; i++) {
            assertProblem(ownerLogin(second, email, "wrong guess " + i), 401, "invalid_credentials");
        }

        assertProblem(ownerLogin(Fixtures.newStore(), email, "another guess"), 429, "too_many_attempts");
        assertProblem(
                Api.server()
                        .post(
                                "/api/v1/accounts/login",
                                Api.json("email", email, "password", MerchantAccountIT.PASSWORD)),
                429,
                "too_many_attempts");
    }

    @Test
    void whenOwnerSignInIsProbedThenTheStoreLogCannotTellAMerchantFromAnUnknownEmail() {
        JsonObject merchant = activatedMerchant();
        String known = merchant.getJsonObject("account").getString("email");
        String unknown = MerchantAccountIT.unique("nobody") + "@shop.example";
        StoreFixture store = Fixtures.newStore();

        assertProblem(ownerLogin(store, known, "a guess 1"), 401, "invalid_credentials");
        assertProblem(ownerLogin(store, unknown, "a guess 1"), 401, "invalid_credentials");

        List<JsonObject> rows = new ArrayList<>();
        Fixtures.admin()
                .get(store.path("/events?type=login_failed"))
                .items()
                .forEach(row -> rows.add(Json.createObjectBuilder(row.asJsonObject())
                        .remove("id")
                        .remove("occurred_at")
                        .build()));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(rows.get(1));
        assertThat(rows.get(0).toString())
                .doesNotContain(merchant.getJsonObject("account").getString("id"))
                .doesNotContain(known)
                .doesNotContain(unknown);
    }

    private static Reply ownerLogin(StoreFixture store, String email, String password) {
        return CustomerSignInIT.login(store, Api.json("email", email, "password", password, "login_as", "owner"));
    }

    private static JsonObject activatedMerchant() {
        String email = MerchantAccountIT.unique("owner") + "@shop.example";
        assertThat(MerchantAccountIT.register(email, "Burst Shop").status()).isEqualTo(201);
        Reply activated = Api.server()
                .post(
                        "/api/v1/accounts/activate",
                        Api.json(
                                "email",
                                email,
                                "otp",
                                MailServer.get().latest(email, 1).code()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return activated.json();
    }

    /** Sends {@link #BURST} requests released together. */
    private static List<Reply> burst(Supplier<Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> pending = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                pending.add(pool.submit(() -> {
                    go.await();
                    return request.get();
                }));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pending) {
                replies.add(reply.get(120, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A judged guess answers 401; the others were refused before any hash with 429 too_many_attempts. */
    private static void assertJudgedAtMost(List<Reply> replies, int limit) {
        long judged = replies.stream().filter(reply -> reply.status() == 401).count();
        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isIn(401, 429));
        replies.stream()
                .filter(reply -> reply.status() == 429)
                .forEach(reply -> assertThat(reply.errorCode()).isEqualTo("too_many_attempts"));
        assertThat(judged).as("guesses judged out of " + BURST).isBetween(1L, (long) limit);
    }
}
