package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-IP window over the merchant account routes (sign-in, sign-up, activation, refresh), on an
 * instance of its own: the shared one lets every test sign in from 127.0.0.1 without limit.
 */
class AccountRouteLimitIT {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.dedicated(Map.of("AUTH_ACCOUNTS_IP_RATE_LIMIT_PER_MINUTE", "4"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void whenOneAddressExceedsTheWindowOnAccountRoutesThenRateLimitedBeforeAnyPasswordIsChecked() {
        Api api = Api.of(server);
        Reply first =
                api.post("/api/v1/accounts/login", Api.json("email", "a@shop.example", "password", "guess one 1"));
        assertProblem(first, 401, "invalid_credentials");
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("4");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("3");
        api.post("/api/v1/accounts/login", Api.json("email", "b@shop.example", "password", "guess two 2"));
        api.post("/api/v1/accounts/activate", Api.json("email", "c@shop.example", "otp", "123456"));
        api.post("/api/v1/accounts/token/refresh", Api.json("refresh_token", "not-a-token"));

        Reply limited = api.post(
                "/api/v1/accounts/login",
                Api.json("email", RunningServer.ADMIN_EMAIL, "password", RunningServer.ADMIN_PASSWORD));
        assertProblem(limited, 429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    }
}
