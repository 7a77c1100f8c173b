package com.storefrontauth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.throttle.InMemoryLoginFailures;
import com.storefrontauth.domain.throttle.LockoutKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordCheckTest {

    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "JUnit/5");
    private static final String PASSWORD = "purple mountain ferry 7";

    private final MutableClock clock = new MutableClock();
    private final RecordedEvents events = new RecordedEvents();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final PasswordHasher hasher = new PasswordHasher(1024, 1);
    private final PasswordCheck check = new PasswordCheck(failures.throttle(clock, events.log(clock)), hasher);
    private final Store store = Store.open("Shop", StoreMode.TEST, Instant.EPOCH);
    private final LockoutKey ada = LockoutKey.email("ada@example.com");
    private final String stored = hasher.hash(store.id(), PASSWORD);

    private boolean verify(LockoutKey key, Optional<String> hash, String presented) {
        return check.reserve(store, key)
                .verify(hash, presented, "cus_1", CLIENT)
                .matches();
    }

    @Test
    void verifyWhenTheRightPasswordFollowsWrongOnesThenItMatchesAndTheCountStartsOver() {
        assertThat(verify(ada, Optional.of(stored), "wrong password 1")).isFalse();
        assertThat(verify(ada, Optional.of(stored), "wrong password 2")).isFalse();
        assertThat(failures.failures(ada)).isEqualTo(2);

        assertThat(verify(ada, Optional.of(stored), PASSWORD)).isTrue();

        assertThat(failures.failures(ada)).isZero();
    }

    @Test
    void verifyWhenThereIsNoHolderThenItIsWrongAndCountsLikeAWrongPassword() {
        assertThat(verify(ada, Optional.empty(), PASSWORD)).isFalse();

        assertThat(failures.failures(ada)).isEqualTo(1);
    }

    @Test
    void reserveWhenTheThresholdOfWrongPasswordsIsReachedThenTheNextIsRefusedBeforeItIsJudged() {
        for (int i = 0; i < 5; i++) {
            verify(ada, Optional.of(stored), "wrong password " + i);
        }

        assertThatThrownBy(() -> check.reserve(store, ada)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
            assertThat(refused.retryAfterSeconds()).contains(60L);
        });
        assertThat(events.types()).containsExactly(AuditEventType.ACCOUNT_LOCKED);
    }

    @Test
    void verifyWhenALongestPasswordIsSentAsSurrogatePairsThenItStillMatches() {
        String emoji = "\uD83D\uDD11".repeat(PasswordPolicy.MAX_LENGTH);
        PasswordPolicy.check("password", emoji, 8);

        assertThat(verify(ada, Optional.of(hasher.hash(store.id(), emoji)), emoji))
                .isTrue();
    }

    @Test
    void verifyWhenThePresentedPasswordIsOverTheLimitThenItIsJudgedAsEmptyAndWrong() {
        String overLong = "x".repeat(PasswordCheck.MAX_PRESENTED_LENGTH + 1);

        assertThat(verify(ada, Optional.of(hasher.hash(store.id(), overLong)), overLong))
                .isFalse();
        assertThat(verify(ada, Optional.of(hasher.hash(store.id(), "")), overLong))
                .as("the over-long password was judged as the empty one")
                .isTrue();
    }

    @Test
    void reserveWhenTheKeyIsAnAccountsThenItCountsOnceWhicheverStoreTheFormBelongsTo() {
        LockoutKey owner = LockoutKey.account("Owner@Shop.example");
        String accountHash = hasher.hash(PASSWORD);

        check.reserve(store, owner).verify(Optional.of(accountHash), "wrong password", null, CLIENT);
        check.reserve(null, owner).verify(Optional.of(accountHash), "wrong password", null, CLIENT);

        assertThat(failures.failures(LockoutKey.account("owner@shop.example"))).isEqualTo(2);
        assertThat(check.reserve(null, owner)
                        .verify(Optional.of(accountHash), PASSWORD, null, CLIENT)
                        .matches())
                .as("an account's hash is checked in the platform's share")
                .isTrue();
    }
}
