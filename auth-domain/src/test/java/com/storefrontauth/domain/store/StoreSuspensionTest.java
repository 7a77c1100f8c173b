package com.storefrontauth.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreSuspensionTest {

    private final Store store = Store.open("Corner Shop", StoreMode.LIVE, Instant.parse("2026-11-28T08:00:00Z"));

    @Test
    void whenThePlatformSuspendedAStoreThenOnlyThePlatformResumesIt() {
        store.changeStatus(StoreStatus.SUSPENDED, true);

        assertThatThrownBy(() -> store.changeStatus(StoreStatus.ACTIVE, false))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        store.changeStatus(StoreStatus.SUSPENDED, false);
        assertThat(store.isSuspendedByPlatform())
                .as("a merchant's suspension does not downgrade it")
                .isTrue();
        assertThatThrownBy(() -> store.changeStatus(StoreStatus.ACTIVE, false)).isInstanceOf(DomainException.class);

        store.changeStatus(StoreStatus.ACTIVE, true);
        assertThat(store.isSuspended()).isFalse();
        assertThat(store.isSuspendedByPlatform()).isFalse();
    }

    @Test
    void whenAMerchantSuspendedTheirStoreThenTheyResumeIt() {
        store.changeStatus(StoreStatus.SUSPENDED, false);
        assertThat(store.isSuspendedByPlatform()).isFalse();

        store.changeStatus(StoreStatus.ACTIVE, false);
        assertThat(store.isSuspended()).isFalse();
    }
}
