package com.storefrontauth.domain.customer;

import static com.storefrontauth.domain.customer.CustomerFixture.CLIENT;
import static com.storefrontauth.domain.customer.CustomerFixture.PASSWORD;
import static com.storefrontauth.domain.customer.CustomerFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.throttle.LockoutKey;
import org.junit.jupiter.api.Test;

class CustomerAccountTest {

    private static final String NEW_PASSWORD = "quiet harbour lantern 9";

    private final CustomerFixture world = new CustomerFixture();
    private final Customer ada = world.customer("ada@example.com");

    @Test
    void changePasswordWhenTheCurrentIsRightThenEveryOtherSessionEndsAtOnceAndTheCurrentStays() {
        TokenGrant current = world.sessionOf(ada);
        TokenGrant other = world.sessionOf(ada);

        world.account.changePassword(world.store, ada.id(), current.session().id(), PASSWORD, NEW_PASSWORD, CLIENT);

        assertThat(world.revocations.isRevoked(other.session().id())).isTrue();
        assertThat(world.revocations.isRevoked(current.session().id())).isFalse();
        assertThat(world.detailsOfLast(AuditEventType.PASSWORD_CHANGED)).containsEntry("sessions_revoked", "1");
        assertThat(world.hasher
                        .verify(
                                world.store.id(),
                                world.customers.customers.get(ada.id()).passwordHash(),
                                NEW_PASSWORD)
                        .matches())
                .isTrue();
    }

    @Test
    void changePasswordWhenTheCurrentIsWrongThenRefusedCountedAndNothingChanges() {
        TokenGrant other = world.sessionOf(ada);
        String hashBefore = ada.passwordHash();

        assertThat(refusal(() -> world.account.changePassword(
                                world.store, ada.id(), null, "not it", NEW_PASSWORD, CLIENT))
                        .code())
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);

        assertThat(world.customers.customers.get(ada.id()).passwordHash()).isEqualTo(hashBefore);
        assertThat(world.revocations.isRevoked(other.session().id())).isFalse();
        assertThat(world.failures.failures(LockoutKey.customer(ada.id().value())))
                .isEqualTo(1);
    }

    @Test
    void endSessionWhenTheSessionIsAnotherCustomersOrAnotherStoresThenNotFoundAndItStays() {
        Customer bob = world.customer("bob@example.com");
        TokenGrant bobs = world.sessionOf(bob);
        Store elsewhere = Store.open("Elsewhere", StoreMode.TEST, world.clock.instant());

        assertThat(refusal(() -> world.account.endSession(
                                world.store.id(), ada.id(), bobs.session().id(), CLIENT))
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal(() -> world.account.endSession(
                                elsewhere.id(), bob.id(), bobs.session().id(), CLIENT))
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(world.revocations.isRevoked(bobs.session().id())).isFalse();
    }

    @Test
    void endSessionWhenItIsTheCustomersOwnThenItEndsAndIsRecordedAsTheirs() {
        TokenGrant own = world.sessionOf(ada);

        world.account.endSession(world.store.id(), ada.id(), own.session().id(), CLIENT);

        assertThat(world.revocations.isRevoked(own.session().id())).isTrue();
        assertThat(world.detailsOfLast(AuditEventType.SESSION_REVOKED))
                .containsEntry("session_id", own.session().id().value())
                .containsEntry("by", "customer");
    }

    @Test
    void eraseWhenThePasswordIsRightThenTheAccountIsGoneAndEverySessionEnded() {
        TokenGrant session = world.sessionOf(ada);

        world.account.erase(world.store, ada.id(), PASSWORD, CLIENT);

        assertThat(world.customers.find(world.store.id(), ada.id())).isEmpty();
        assertThat(world.revocations.isRevoked(session.session().id())).isTrue();
        assertThat(world.detailsOfLast(AuditEventType.ACCOUNT_DELETED)).containsEntry("sessions_revoked", "1");
    }
}
