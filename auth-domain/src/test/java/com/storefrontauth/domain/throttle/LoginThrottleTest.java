package com.storefrontauth.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final Map<TokenHash, Long> failures = new HashMap<>();
    private final Map<TokenHash, Instant> locks = new HashMap<>();
    private final RecordedEvents events = new RecordedEvents();
    private final LoginThrottle throttle = throttle();
    private final Store store = Store.open("Shop", StoreMode.TEST, Instant.EPOCH);
    private final TokenHash alice = LoginThrottle.keyOf("email", "alice@example.com");

    @Test
    void whenFailuresStayBelowThresholdThenNotLocked() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(store, alice, null, null);
        }
        assertThatCode(() -> throttle.requireNotLocked(store, alice)).doesNotThrowAnyException();
        assertThat(events.types()).isEmpty();
    }

    @Test
    void whenThresholdIsReachedThenLockedWithRetryAfterUntilTheLockEnds() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(store, alice, "cus_1", null);
        }
        assertLocked(60);
        clock.advance(Duration.ofSeconds(59));
        assertLocked(1);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.requireNotLocked(store, alice)).doesNotThrowAnyException();
        assertThat(events.types()).containsExactly(AuditEventType.ACCOUNT_LOCKED);
    }

    @Test
    void whenAnAccountEmailReachesTheDefaultThresholdThenAccountSignInIsLockedAndASuccessClearsTheCount() {
        TokenHash owner = LoginThrottle.keyOf("account", "owner@shop.example");
        for (int i = 0; i < 4; i++) {
            throttle.recordAccountFailure(owner, null, null);
        }
        throttle.recordAccountSuccess(owner);
        throttle.recordAccountFailure(owner, null, null);
        assertThatCode(() -> throttle.requireAccountNotLocked(owner)).doesNotThrowAnyException();
        for (int i = 0; i < 4; i++) {
            throttle.recordAccountFailure(owner, null, null);
        }
        assertThatThrownBy(() -> throttle.requireAccountNotLocked(owner))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
                    assertThat(refused.retryAfterSeconds()).contains(60L);
                });
        assertThat(events.types()).containsExactly(AuditEventType.ACCOUNT_LOCKED);
    }

    @Test
    void whenFailingAgainAfterALockThenTheLockDoubles() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(store, alice, null, null);
        }
        clock.advance(Duration.ofSeconds(60));
        throttle.recordFailure(store, alice, null, null);
        assertLocked(120);
    }

    @Test
    void whenASuccessFollowsThenTheCountStartsOver() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(store, alice, null, null);
        }
        throttle.recordSuccess(store, alice);
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(store, alice, null, null);
        }
        assertThatCode(() -> throttle.requireNotLocked(store, alice)).doesNotThrowAnyException();
    }

    @Test
    void whenOneIdentifierIsLockedThenOthersAreNot() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(store, alice, null, null);
        }
        assertThatCode(() -> throttle.requireNotLocked(store, LoginThrottle.keyOf("email", "bob@example.com")))
                .doesNotThrowAnyException();
        assertThat(LoginThrottle.keyOf("email", "alice@example.com")).isEqualTo(alice)
                .isNotEqualTo(LoginThrottle.keyOf("phone", "alice@example.com"));
    }

    private void assertLocked(long retryAfter) {
        assertThatThrownBy(() -> throttle.requireNotLocked(store, alice))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
                    assertThat(e.retryAfterSeconds()).contains(retryAfter);
                });
    }

    private LoginThrottle throttle() {
        LoginThrottle built = new LoginThrottle();
        built.clock = clock;
        built.transactions = new DirectTransactions();
        built.audit = events.log(clock);
        built.failures = new LoginFailureRepository() {
            @Override
            public long recordFailure(StoreId s, TokenHash identifier, Instant now) {
                return failures.merge(identifier, 1L, Long::sum);
            }

            @Override
            public void lockUntil(StoreId s, TokenHash identifier, Instant until) {
                locks.put(identifier, until);
            }

            @Override
            public Optional<Instant> lockedUntil(StoreId s, TokenHash identifier) {
                return Optional.ofNullable(locks.get(identifier));
            }

            @Override
            public void clear(StoreId s, TokenHash identifier) {
                failures.remove(identifier);
                locks.remove(identifier);
            }
        };
        return built;
    }
}
