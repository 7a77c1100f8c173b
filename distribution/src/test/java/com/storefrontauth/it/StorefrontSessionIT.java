package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Refresh rotation, reuse detection and logout on the storefront routes. */
class StorefrontSessionIT {

    @Test
    void whenRefreshedWithoutGraceThenNewPairAndOldRefreshTokenRefused() {
        StoreFixture store = Fixtures.newStore();
        store.policy("refresh_reuse_grace_seconds", 0);
        JsonObject guest = store.guest();
        Reply refreshed = refresh(store, guest.getString("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.string("refresh_token")).isNotEqualTo(guest.getString("refresh_token"));
        assertThat(refreshed.string("session_id")).isEqualTo(guest.getString("session_id"));
        assertThat(refreshed.header("Cache-Control")).isEqualTo("no-store");
        assertProblem(refresh(store, guest.getString("refresh_token")), 401, "invalid_refresh_token");
    }

    @Test
    void whenTheTokenSpentLastIsPresentedAgainWithinTheGraceThenTheSameSuccessorIsAnswered() {
        StoreFixture store = Fixtures.newStore();
        JsonObject guest = store.guest();
        Reply first = refresh(store, guest.getString("refresh_token"));

        Reply retried = refresh(store, guest.getString("refresh_token"));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.string("refresh_token")).isEqualTo(first.string("refresh_token"));
        assertThat(retried.string("access_token")).isNotEqualTo(first.string("access_token"));
        assertThat(refresh(store, retried.string("refresh_token")).status()).isEqualTo(200);
        assertThat(Fixtures.admin()
                        .get(store.path("/events?type=refresh_token_reused"))
                        .items())
                .isEmpty();
    }

    @Test
    void whenUsedRefreshTokenIsReplayedAfterItsSuccessorWasUsedThenWholeSessionRevokedAndEventRecorded() {
        StoreFixture store = Fixtures.newStore();
        JsonObject guest = store.guest();
        String successor = refresh(store, guest.getString("refresh_token")).string("refresh_token");
        String newest = refresh(store, successor).string("refresh_token");

        assertProblem(refresh(store, guest.getString("refresh_token")), 401, "invalid_refresh_token");

        assertProblem(refresh(store, newest), 401, "invalid_refresh_token");
        Reply events = Fixtures.admin().get(store.path("/events?type=refresh_token_reused"));
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.items()).hasSize(1);
        assertThat(events.items().getJsonObject(0).getJsonObject("details").getString("session_id"))
                .isEqualTo(guest.getString("session_id"));
        assertThat(events.body())
                .doesNotContain(guest.getString("refresh_token"))
                .doesNotContain(newest);
    }

    @Test
    void whenSameRefreshTokenIsPresentedTwentyTimesAtOnceThenEveryOneHoldsTheOneLiveSuccessor() throws Exception {
        StoreFixture store = Fixtures.newStore();
        String token = store.guest().getString("refresh_token");

        List<Reply> replies = presentAtOnce(store, token, 20);

        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        assertThat(replies.stream().map(reply -> reply.string("refresh_token")).distinct())
                .hasSize(1);
        assertThat(refresh(store, replies.get(0).string("refresh_token")).status())
                .isEqualTo(200);
    }

    @Test
    void whenSameRefreshTokenIsPresentedTwentyTimesAtOnceWithoutGraceThenExactlyOneSucceeds() throws Exception {
        StoreFixture store = Fixtures.newStore();
        store.policy("refresh_reuse_grace_seconds", 0);
        String token = store.guest().getString("refresh_token");
        List<Integer> statuses =
                presentAtOnce(store, token, 20).stream().map(Reply::status).toList();
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(19);
    }

    /** The answers to {@code count} presentations of {@code token} released together. */
    private static List<Reply> presentAtOnce(StoreFixture store, String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return refresh(store, token);
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> result : results) {
                replies.add(result.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenRefreshTokenIsPresentedToAnotherStoreThenRefusedThereAndStillValidAtHome() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        String token = store.guest().getString("refresh_token");
        assertProblem(refresh(other, token), 401, "invalid_refresh_token");
        assertThat(refresh(store, token).status()).isEqualTo(200);
    }

    @Test
    void whenLoggedOutWithRefreshTokenThenSessionEnds() {
        StoreFixture store = Fixtures.newStore();
        JsonObject guest = store.guest();
        Reply logout = store.storefront()
                .post(store.path("/auth/logout"), Api.json("refresh_token", guest.getString("refresh_token")));
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertProblem(refresh(store, guest.getString("refresh_token")), 401, "invalid_refresh_token");
        assertThat(Fixtures.admin().get(store.path("/events?type=logout")).items())
                .hasSize(1);
    }

    @Test
    void whenLoggedOutWithBearerTokenThenSessionEnds() {
        StoreFixture store = Fixtures.newStore();
        JsonObject guest = store.guest();
        Reply logout =
                store.storefront().bearer(guest.getString("access_token")).post(store.path("/auth/logout"));
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertProblem(refresh(store, guest.getString("refresh_token")), 401, "invalid_refresh_token");
        assertProblem(
                store.storefront().bearer(guest.getString("access_token")).post(store.path("/auth/logout")),
                401,
                "unauthorized");
    }

    @Test
    void whenLogoutCarriesAnotherStoresTokenThenUnauthorizedAndThatSessionSurvives() {
        StoreFixture store = Fixtures.newStore();
        StoreFixture other = Fixtures.newStore();
        JsonObject guest = other.guest();
        assertProblem(
                store.storefront().bearer(guest.getString("access_token")).post(store.path("/auth/logout")),
                401,
                "unauthorized");
        assertProblem(
                store.storefront()
                        .post(store.path("/auth/logout"), Api.json("refresh_token", guest.getString("refresh_token"))),
                401,
                "invalid_refresh_token");
        assertThat(refresh(other, guest.getString("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void whenRefreshBodyIsWrongThenFieldIsNamed() {
        StoreFixture store = Fixtures.newStore();
        Reply missing = store.storefront().post(store.path("/auth/token/refresh"), "{}");
        assertProblem(missing, 400, "invalid_request");
        assertThat(missing.json().getJsonObject("errors").keySet()).containsExactly("refresh_token");
        Reply wrongType = store.storefront().post(store.path("/auth/token/refresh"), "{\"refresh_token\": 42}");
        assertProblem(wrongType, 400, "invalid_request");
        assertProblem(refresh(store, "rt_${jndi:ldap://127.0.0.1/a}"), 401, "invalid_refresh_token");
    }

    static Reply refresh(StoreFixture store, String refreshToken) {
        return store.storefront().post(store.path("/auth/token/refresh"), Api.json("refresh_token", refreshToken));
    }
}
