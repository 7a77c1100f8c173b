package com.storefrontauth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class OpaqueAccessTokensTest {

    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.9", "JUnit/5");

    private final MutableClock clock = new MutableClock();
    private final InMemorySessions sessions = new InMemorySessions(clock);
    private final Map<TokenHash, SessionId> stored = new ConcurrentHashMap<>();
    private final OpaqueAccessTokens tokens = new OpaqueAccessTokens(
            new OpaqueAccessTokenRepository() {
                @Override
                public void insert(TokenHash token, SessionId session) {
                    stored.put(token, session);
                }

                @Override
                public Optional<SessionId> findSession(TokenHash token) {
                    return Optional.ofNullable(stored.get(token));
                }
            },
            sessions,
            clock);

    @Test
    void whenUnusedForThirtyDaysThenRefused() {
        String token = tokens.issue(SubjectKind.MERCHANT, "acc_1", CLIENT).accessToken();

        clock.advance(Duration.ofDays(30));

        assertThat(tokens.use(token)).isEmpty();
    }

    @Test
    void whenUsedThenItLivesThirtyDaysFromThatUse() {
        String token = tokens.issue(SubjectKind.MERCHANT, "acc_1", CLIENT).accessToken();

        clock.advance(Duration.ofDays(29));
        assertThat(tokens.use(token)).isPresent();
        clock.advance(Duration.ofDays(29));
        assertThat(tokens.use(token)).isPresent();
        clock.advance(Duration.ofDays(30));

        assertThat(tokens.use(token)).isEmpty();
    }

    @Test
    void whenItsSessionIsRevokedThenRefused() {
        OpaqueGrant grant = tokens.issue(SubjectKind.MERCHANT, "acc_1", CLIENT);

        sessions.revoke(grant.session().id(), "logout", clock.instant());

        assertThat(tokens.use(grant.accessToken())).isEmpty();
    }

    @Test
    void whenIssuedThenOnlyItsHashIsStoredAndTheSessionCannotBeRefreshedWithIt() {
        OpaqueGrant grant = tokens.issue(SubjectKind.MERCHANT, "acc_1", CLIENT);

        assertThat(stored).containsOnlyKeys(TokenHash.of(grant.accessToken()));
        assertThat(grant.session().refreshHash()).isNotEqualTo(TokenHash.of(grant.accessToken()));
        assertThat(grant.session().store()).isNull();
    }

    @Test
    void whenTheTokenIsUnknownOrAbsurdlyLongThenRefused() {
        tokens.issue(SubjectKind.MERCHANT, "acc_1", CLIENT);

        assertThat(tokens.use("oat_unknown")).isEmpty();
        assertThat(tokens.use("x".repeat(10_000))).isEmpty();
        assertThat(tokens.use(null)).isEmpty();
    }

    @Test
    void whenUsedDailyThenItStillEndsAYearAfterSignIn() {
        String token = tokens.issue(SubjectKind.MERCHANT, "acc_1", CLIENT).accessToken();
        Instant signedIn = clock.instant();

        while (clock.instant().isBefore(signedIn.plus(Duration.ofDays(364)))) {
            clock.advance(Duration.ofDays(7));
            tokens.use(token);
        }
        clock.advance(Duration.ofDays(2));

        assertThat(tokens.use(token)).isEmpty();
    }
}
