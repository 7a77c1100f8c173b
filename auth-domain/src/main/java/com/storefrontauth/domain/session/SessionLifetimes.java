package com.storefrontauth.domain.session;

import com.storefrontauth.domain.store.LoginPolicy;
import java.time.Duration;

/** How long a session's tokens live: access token, refresh family (absolute) and idle time. */
public record SessionLifetimes(Duration accessToken, Duration absolute, Duration idle) {

    /** Merchant and admin sessions end after 30 days without use (API.md) and 90 days in all. */
    public static final SessionLifetimes MERCHANT =
            new SessionLifetimes(Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofDays(30));

    public static SessionLifetimes of(LoginPolicy policy) {
        return new SessionLifetimes(policy.accessTokenTtl(), policy.refreshTokenTtl(), policy.sessionIdleTimeout());
    }
}
