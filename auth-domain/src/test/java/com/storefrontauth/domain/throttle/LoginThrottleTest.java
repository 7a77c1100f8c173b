package com.storefrontauth.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final RecordedEvents events = new RecordedEvents();
    private final LoginThrottle throttle = throttle();
    private final Store store = Store.open("Shop", StoreMode.TEST, Instant.EPOCH);
    private final LockoutKey alice = LockoutKey.email("alice@example.com");

    @Test
    void whenFailuresStayBelowThresholdThenNotLocked() {
        fail(4);
        assertThatCode(() -> throttle.reserve(store, alice)).doesNotThrowAnyException();
        assertThat(events.types()).isEmpty();
    }

    @Test
    void whenThresholdIsReachedThenLockedWithRetryAfterUntilTheLockEnds() {
        fail(5);
        assertLocked(60);
        clock.advance(Duration.ofSeconds(59));
        assertLocked(1);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.reserve(store, alice)).doesNotThrowAnyException();
        assertThat(events.types()).containsExactly(AuditEventType.ACCOUNT_LOCKED);
    }

    @Test
    void whenAttemptsAreStillBeingJudgedThenNoMoreThanTheThresholdAreReserved() {
        for (int i = 0; i < 5; i++) {
            throttle.reserve(store, alice);
        }
        // none of the five has been settled yet: a sixth guess made meanwhile is not judged
        assertLocked(60);
    }

    @Test
    void whenTheAttemptThatReachedTheThresholdHasTheRightPasswordThenItsLockIsLifted() {
        fail(4);
        throttle.reserve(store, alice).succeeded();
        assertThatCode(() -> throttle.reserve(store, alice)).doesNotThrowAnyException();
        assertThat(events.types()).isEmpty();
    }

    @Test
    void whenAnAccountEmailReachesTheDefaultThresholdThenAccountSignInIsLockedAndASuccessClearsTheCount() {
        LockoutKey owner = LockoutKey.account("owner@shop.example");
        for (int i = 0; i < 4; i++) {
            throttle.reserve(null, owner).failed(null, null);
        }
        throttle.reserve(null, owner).succeeded();
        throttle.reserve(null, owner).failed(null, null);
        for (int i = 0; i < 4; i++) {
            throttle.reserve(null, owner).failed(null, null);
        }
        assertThatThrownBy(() -> throttle.reserve(null, owner))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
                    assertThat(refused.retryAfterSeconds()).contains(60L);
                });
        assertThat(events.types()).containsExactly(AuditEventType.ACCOUNT_LOCKED);
    }

    @Test
    void whenFailingAgainAfterALockThenTheLockDoubles() {
        fail(5);
        clock.advance(Duration.ofSeconds(60));
        fail(1);
        assertLocked(120);
    }

    @Test
    void whenASuccessFollowsThenTheCountStartsOver() {
        fail(4);
        throttle.reserve(store, alice).succeeded();
        fail(4);
        assertThatCode(() -> throttle.reserve(store, alice)).doesNotThrowAnyException();
    }

    @Test
    void whenADayPassesWithoutAttemptsThenTheCountStartsOver() {
        fail(5);
        clock.advance(Duration.ofSeconds(60).plus(LoginLockout.QUIET_PERIOD));
        fail(4);
        assertThatCode(() -> throttle.reserve(store, alice)).doesNotThrowAnyException();
    }

    @Test
    void whenFailuresKeepComingWithinADayThenTheyStillCountAfterTheLock() {
        fail(5);
        clock.advance(Duration.ofHours(23));
        fail(1);
        assertLocked(120);
    }

    @Test
    void whenOneIdentifierIsLockedThenOthersAreNot() {
        fail(5);
        assertThatCode(() -> throttle.reserve(store, LockoutKey.email("bob@example.com")))
                .doesNotThrowAnyException();
        assertThat(LockoutKey.email("alice@example.com"))
                .isEqualTo(alice)
                .isNotEqualTo(LockoutKey.phone("alice@example.com"));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            throttle.reserve(store, alice).failed("cus_1", null);
        }
    }

    private void assertLocked(long retryAfter) {
        assertThatThrownBy(() -> throttle.reserve(store, alice)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
            assertThat(e.retryAfterSeconds()).contains(retryAfter);
        });
    }

    private LoginThrottle throttle() {
        return new InMemoryLoginFailures().throttle(clock, events.log(clock));
    }
}
