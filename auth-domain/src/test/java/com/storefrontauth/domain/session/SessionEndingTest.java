package com.storefrontauth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SessionEndingTest {

    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "JUnit/5");

    private final MutableClock clock = new MutableClock();
    private final InMemorySessions sessions = new InMemorySessions(clock);
    private final RecordedEvents events = new RecordedEvents();
    private final UnitOfWork unit = new UnitOfWork();
    private final SessionRevocations revocations = sessions.revocations(clock);
    private final SessionEnding ending = new SessionEnding(sessions, revocations, events.log(clock), unit, clock);
    private final StoreId store = StoreId.generate();

    private Session session(String subject) {
        Session session = Session.start(
                store,
                SubjectKind.CUSTOMER,
                subject,
                null,
                new SessionLifetimes(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(1)),
                CLIENT,
                TokenHash.of(RandomSecret.generate("rt_")),
                clock.instant());
        sessions.insert(session);
        return session;
    }

    @Test
    void endAllOfWhenTheUnitCommitsThenEverySessionButTheKeptOneIsRefusedAtOnceAndOneEventCountsThem() {
        Session kept = session("cus_1");
        Session first = session("cus_1");
        Session second = session("cus_1");
        Session other = session("cus_2");
        revocations.isRevoked(other.id());

        int ended = unit.required(() -> ending.endAllOf(
                store,
                "cus_1",
                kept.id(),
                SessionEnding.Reason.PASSWORD_CHANGED,
                new SessionEnding.Event(AuditEventType.PASSWORD_CHANGED, "cus_1", CLIENT, Map.of("by", "customer"))));

        assertThat(ended).isEqualTo(2);
        assertThat(revocations.isRevoked(first.id())).isTrue();
        assertThat(revocations.isRevoked(second.id())).isTrue();
        assertThat(revocations.isRevoked(kept.id())).isFalse();
        assertThat(revocations.isRevoked(other.id())).isFalse();
        assertThat(sessions.find(store, first.id()).orElseThrow().revokeReason())
                .isEqualTo("password_changed");
        assertThat(events.types()).containsExactly(AuditEventType.PASSWORD_CHANGED);
        assertThat(events.details(0)).containsEntry("sessions_revoked", "2").containsEntry("by", "customer");
    }

    @Test
    void endWhenTheUnitRollsBackThenNothingIsPublished() {
        Session session = session("cus_1");
        revocations.isRevoked(session.id());

        assertThatThrownBy(() -> unit.required(() -> {
                    ending.end(
                            session,
                            SessionEnding.Reason.OPERATOR_REVOKED,
                            SessionEnding.Event.of(AuditEventType.SESSION_REVOKED, "acc_1", CLIENT));
                    throw new IllegalStateException("a later step fails");
                }))
                .isInstanceOf(IllegalStateException.class);

        // within the poll interval only a publication could have told the instance
        assertThat(unit.published).isZero();
        assertThat(revocations.isRevoked(session.id())).isFalse();
    }

    @Test
    void endWhenTheSessionHasAlreadyEndedThenNothingMoreIsRecorded() {
        Session session = session("cus_1");
        SessionEnding.Event event = SessionEnding.Event.of(AuditEventType.LOGOUT, "cus_1", CLIENT);

        boolean first = unit.required(() -> ending.end(session, SessionEnding.Reason.LOGOUT, event));
        boolean again = unit.required(() -> ending.end(session, SessionEnding.Reason.LOGOUT, event));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(events.types()).containsExactly(AuditEventType.LOGOUT);
        assertThat(events.details(0)).containsEntry("session_id", session.id().value());
    }

    @Test
    void endAllOfAccountWhenTheUnitCommitsThenTheAccountsManagementSessionsAreRefused() {
        Session management = Session.start(
                null,
                SubjectKind.MERCHANT,
                "acc_1",
                null,
                new SessionLifetimes(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(1)),
                CLIENT,
                TokenHash.of(RandomSecret.generate("rt_")),
                clock.instant());
        sessions.insert(management);
        revocations.isRevoked(management.id());

        unit.required(() -> ending.endAllOfAccount(
                "acc_1",
                SessionEnding.Reason.PASSWORD_RESET,
                null,
                SessionEnding.Event.of(AuditEventType.PASSWORD_RESET, "acc_1", CLIENT)));

        assertThat(revocations.isRevoked(management.id())).isTrue();
        assertThat(events.details(0)).containsEntry("sessions_revoked", "1");
    }

    /** One unit of work at a time: after-commit actions run when it returns and are dropped when it throws. */
    private static final class UnitOfWork implements Transactions {

        private final List<Runnable> pending = new ArrayList<>();
        private boolean open;
        int published;

        @Override
        public <T> T required(Supplier<T> work) {
            if (open) {
                return work.get();
            }
            open = true;
            T result;
            try {
                result = work.get();
            } catch (RuntimeException failure) {
                pending.clear();
                throw failure;
            } finally {
                open = false;
            }
            List<Runnable> actions = List.copyOf(pending);
            pending.clear();
            actions.forEach(action -> {
                published++;
                action.run();
            });
            return result;
        }

        @Override
        public <T> T independent(Supplier<T> work) {
            throw new UnsupportedOperationException("not used by session ending");
        }

        @Override
        public void afterCommit(Runnable action) {
            if (open) {
                pending.add(action);
            } else {
                action.run();
            }
        }
    }
}
