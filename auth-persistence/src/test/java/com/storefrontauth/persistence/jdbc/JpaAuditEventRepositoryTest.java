package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventFilter;
import com.storefrontauth.domain.audit.AuditEventRepository.HourlyCount;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.persistence.jpa.JpaAuditEventRepository;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaAuditEventRepositoryTest extends RepositoryTest {

    private static AuditEvent record(StoreId store, AuditEventType type, Instant at) {
        return record(store, type, "cus_subject", at);
    }

    private static AuditEvent record(StoreId store, AuditEventType type, String subject, Instant at) {
        AuditEvent event = new AuditEvent(
                AuditEvent.newId(),
                store,
                type,
                subject,
                "198.51.100.4",
                "Mozilla/5.0",
                Map.of("session_id", "ses_1", "reason", "logout"),
                at);
        auditEvents.insert(event);
        return event;
    }

    /** Seven events a minute apart, alternating types, oldest first. */
    private static List<AuditEvent> history(Store store, Instant start) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditEventType type = i % 2 == 0 ? AuditEventType.LOGIN_SUCCEEDED : AuditEventType.LOGIN_FAILED;
            events.add(record(store.id(), type, start.plusSeconds(60L * i)));
        }
        return events;
    }

    @Test
    void whenEventsArePagedThenTheyComeNewestFirstWithTheTotal() {
        Store store = newStore();
        List<AuditEvent> events = history(store, now());

        Page<AuditEvent> first = auditEvents.page(store.id(), AuditEventFilter.of(null, null), new PageRequest(1, 3));
        Page<AuditEvent> third = auditEvents.page(store.id(), AuditEventFilter.of(null, null), new PageRequest(3, 3));

        assertThat(first.total()).isEqualTo(7);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.items())
                .extracting(AuditEvent::id)
                .containsExactly(
                        events.get(6).id(), events.get(5).id(), events.get(4).id());
        assertThat(third.items())
                .extracting(AuditEvent::id)
                .containsExactly(events.get(0).id());
        assertThat(auditEvents
                        .page(store.id(), AuditEventFilter.of(null, null), new PageRequest(4, 3))
                        .items())
                .isEmpty();
    }

    @Test
    void whenEventsAreFilteredByTypeAndSinceThenOnlyMatchingOnesAreCounted() {
        Store store = newStore();
        Instant start = now();
        List<AuditEvent> events = history(store, start);

        Page<AuditEvent> failures = auditEvents.page(
                store.id(), AuditEventFilter.of(AuditEventType.LOGIN_FAILED, null), new PageRequest(1, 10));
        Page<AuditEvent> recent =
                auditEvents.page(store.id(), AuditEventFilter.of(null, start.plusSeconds(240)), new PageRequest(1, 10));
        Page<AuditEvent> recentSuccesses = auditEvents.page(
                store.id(),
                AuditEventFilter.of(AuditEventType.LOGIN_SUCCEEDED, start.plusSeconds(240)),
                new PageRequest(1, 10));

        assertThat(failures.total()).isEqualTo(3);
        assertThat(failures.items())
                .extracting(AuditEvent::id)
                .containsExactly(
                        events.get(5).id(), events.get(3).id(), events.get(1).id());
        assertThat(recent.items())
                .extracting(AuditEvent::id)
                .containsExactly(
                        events.get(6).id(), events.get(5).id(), events.get(4).id());
        assertThat(recentSuccesses.items())
                .extracting(AuditEvent::id)
                .containsExactly(events.get(6).id(), events.get(4).id());
        assertThat(recentSuccesses.total()).isEqualTo(2);
    }

    @Test
    void whenSinceLiesBeyondWhatTheDatabaseStoresThenItBoundsNothingInsteadOfFailing() {
        Store store = newStore();
        List<AuditEvent> events = history(store, now());

        Page<AuditEvent> sinceTheDawnOfTime = auditEvents.page(
                store.id(),
                AuditEventFilter.of(null, Instant.parse("-999999999-01-01T00:00:00Z")),
                new PageRequest(1, 10));
        Page<AuditEvent> sinceTheEndOfTime = auditEvents.page(
                store.id(),
                AuditEventFilter.of(null, Instant.parse("+999999999-12-31T23:59:59Z")),
                new PageRequest(1, 10));

        assertThat(sinceTheDawnOfTime.total()).isEqualTo(events.size());
        assertThat(sinceTheEndOfTime.total()).isZero();
    }

    @Test
    void whenEventsAreFilteredBySubjectAndSeveralTypesThenOnlyThatSubjectsEventsOfThoseTypesCome() {
        Store store = newStore();
        Instant start = now();
        AuditEvent signIn = record(store.id(), AuditEventType.LOGIN_SUCCEEDED, "cus_alice", start);
        AuditEvent failure = record(store.id(), AuditEventType.LOGIN_FAILED, "cus_alice", start.plusSeconds(60));
        record(store.id(), AuditEventType.PROFILE_UPDATED, "cus_alice", start.plusSeconds(120));
        record(store.id(), AuditEventType.LOGIN_FAILED, "cus_bob", start.plusSeconds(180));

        Page<AuditEvent> page = auditEvents.page(
                store.id(),
                new AuditEventFilter(
                        Set.of(AuditEventType.LOGIN_SUCCEEDED, AuditEventType.LOGIN_FAILED), "cus_alice", null),
                new PageRequest(1, 10));

        assertThat(page.items()).extracting(AuditEvent::id).containsExactly(failure.id(), signIn.id());
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void whenEventsAreStreamedThenEveryMatchOfThisStoreComesNewestFirstWithoutPages() {
        Store store = newStore();
        Store other = newStore();
        Instant start = now();
        List<AuditEvent> events = history(store, start);
        record(other.id(), AuditEventType.LOGIN_FAILED, start.plusSeconds(30));

        List<AuditEvent> streamed = new ArrayList<>();
        auditEvents.each(store.id(), AuditEventFilter.of(AuditEventType.LOGIN_FAILED, null), streamed::add);

        assertThat(streamed)
                .extracting(AuditEvent::id)
                .containsExactly(
                        events.get(5).id(), events.get(3).id(), events.get(1).id());
    }

    @Test
    void whenAnotherStoreHasEventsThenTheyNeverAppearInThisStoresPages() {
        Store store = newStore();
        Store other = newStore();
        AuditEvent mine = record(store.id(), AuditEventType.LOGOUT, now());
        record(other.id(), AuditEventType.LOGOUT, now());
        record(null, AuditEventType.SIGNING_KEY_ROTATED, now());

        Page<AuditEvent> page = auditEvents.page(store.id(), AuditEventFilter.of(null, null), new PageRequest(1, 100));

        assertThat(page.items()).extracting(AuditEvent::id).containsExactly(mine.id());
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void whenAnEventIsReadBackThenEveryFieldAndTheDetailsRoundTrip() {
        Store store = newStore();
        AuditEvent event = record(store.id(), AuditEventType.SESSION_REVOKED, now());

        AuditEvent found = auditEvents
                .page(store.id(), AuditEventFilter.of(null, null), new PageRequest(1, 1))
                .items()
                .get(0);

        assertThat(found).isEqualTo(event);
        assertThat(found.details()).containsOnly(Map.entry("session_id", "ses_1"), Map.entry("reason", "logout"));
    }

    @Test
    void whenEventsAreCountedByHourThenEachTypeHasOneCountPerUtcHourSinceTheGivenInstant() {
        Store store = newStore();
        Store other = newStore();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        Instant next = hour.plus(Duration.ofHours(1));
        Instant since = hour.plus(Duration.ofMinutes(2));
        record(store.id(), AuditEventType.LOGIN_FAILED, hour.plus(Duration.ofMinutes(1)));
        record(store.id(), AuditEventType.LOGIN_FAILED, hour.plus(Duration.ofMinutes(10)));
        record(store.id(), AuditEventType.LOGIN_FAILED, next.minus(1, ChronoUnit.MICROS));
        record(store.id(), AuditEventType.LOGIN_FAILED, next);
        record(store.id(), AuditEventType.LOGIN_SUCCEEDED, since);
        record(store.id(), AuditEventType.LOGIN_SUCCEEDED, hour.plus(Duration.ofMinutes(30)));
        record(store.id(), AuditEventType.LOGOUT, hour.plus(Duration.ofMinutes(20)));
        record(other.id(), AuditEventType.LOGIN_FAILED, hour.plus(Duration.ofMinutes(15)));
        record(null, AuditEventType.LOGIN_FAILED, hour.plus(Duration.ofMinutes(15)));
        Set<AuditEventType> logins = Set.of(AuditEventType.LOGIN_FAILED, AuditEventType.LOGIN_SUCCEEDED);

        List<HourlyCount> counts = auditEvents.countByHour(store.id(), logins, since);

        assertThat(counts)
                .containsExactlyInAnyOrder(
                        new HourlyCount(AuditEventType.LOGIN_FAILED, hour, 2),
                        new HourlyCount(AuditEventType.LOGIN_SUCCEEDED, hour, 2),
                        new HourlyCount(AuditEventType.LOGIN_FAILED, next, 1));
        assertThat(counts)
                .allSatisfy(count ->
                        assertThat(count.hour().getEpochSecond() % 3600).isZero());
        assertThat(auditEvents.countByHour(store.id(), Set.of(AuditEventType.LOGIN_FAILED), hour))
                .containsExactlyInAnyOrder(
                        new HourlyCount(AuditEventType.LOGIN_FAILED, hour, 3),
                        new HourlyCount(AuditEventType.LOGIN_FAILED, next, 1));
        assertThat(auditEvents.countByHour(store.id(), logins, next))
                .containsExactly(new HourlyCount(AuditEventType.LOGIN_FAILED, next, 1));
        assertThat(auditEvents.countByHour(other.id(), logins, since))
                .containsExactly(new HourlyCount(AuditEventType.LOGIN_FAILED, hour, 1));
        assertThat(auditEvents.countByHour(store.id(), Set.of(), hour)).isEmpty();
        assertThat(auditEvents.countByHour(store.id(), Set.of(AuditEventType.OTP_SENT), hour))
                .isEmpty();
    }

    @Test
    void whenOldEventsAreForgottenThenOnlyThoseBeforeTheCutoffGoUpToTheLimitAcrossStores() {
        Store store = newStore();
        Store other = newStore();
        Instant cutoff = Instant.parse("2001-06-01T00:00:00Z");
        record(store.id(), AuditEventType.LOGIN_SUCCEEDED, cutoff.minus(Duration.ofDays(2)));
        record(other.id(), AuditEventType.LOGIN_FAILED, cutoff.minus(Duration.ofDays(1)));
        record(null, AuditEventType.LOGIN_FAILED, cutoff.minusSeconds(1));
        AuditEvent kept = record(store.id(), AuditEventType.LOGIN_SUCCEEDED, cutoff);

        assertThat(auditEvents.deleteOccurredBefore(cutoff, 2)).isEqualTo(2);
        assertThat(auditEvents.deleteOccurredBefore(cutoff, 2)).isEqualTo(1);
        assertThat(auditEvents.deleteOccurredBefore(cutoff, 2)).isZero();
        assertThat(auditEvents
                        .page(store.id(), AuditEventFilter.of(null, null), new PageRequest(1, 10))
                        .items())
                .containsExactly(kept);
        assertThat(auditEvents
                        .page(other.id(), AuditEventFilter.of(null, null), new PageRequest(1, 10))
                        .items())
                .isEmpty();
    }

    @Test
    void whenMoreEventsThanAChunkAreStreamedThenEachComesOnceInTheTotalOrderEvenWhereTimesTie() {
        Store store = newStore();
        Instant start = now().minus(Duration.ofDays(1));
        int count = JpaAuditEventRepository.CHUNK * 2 + 37;
        List<AuditEvent> recorded = transactions.required(() -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // seven events share each instant, so chunk boundaries fall inside ties
                events.add(record(store.id(), AuditEventType.LOGIN_FAILED, start.plusSeconds(i / 7)));
            }
            return events;
        });
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= count / Page.MAX_SIZE + 1; page++) {
            auditEvents
                    .page(store.id(), AuditEventFilter.of(null, null), new PageRequest(page, Page.MAX_SIZE))
                    .items()
                    .forEach(event -> paged.add(event.id()));
        }

        List<String> streamed = new ArrayList<>();
        transactions.required(() -> {
            auditEvents.each(store.id(), AuditEventFilter.of(null, null), event -> streamed.add(event.id()));
            return null;
        });

        assertThat(streamed)
                .hasSize(count)
                .containsExactlyInAnyOrderElementsOf(
                        recorded.stream().map(AuditEvent::id).toList())
                .containsExactlyElementsOf(paged);
    }

    @Test
    void whenAnEventOccurredAtAMicrosecondThenSinceThatMicrosecondFindsItAndOneLaterDoesNot() {
        Store store = newStore();
        Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
        AuditEvent event = record(store.id(), AuditEventType.LOGIN_SUCCEEDED, at);

        assertThat(auditEvents
                        .page(store.id(), AuditEventFilter.of(null, at), new PageRequest(1, 10))
                        .items())
                .containsExactly(event);
        assertThat(auditEvents
                        .page(
                                store.id(),
                                AuditEventFilter.of(null, at.plus(1, ChronoUnit.MICROS)),
                                new PageRequest(1, 10))
                        .total())
                .isZero();
        assertThat(auditEvents.countByHour(store.id(), Set.of(AuditEventType.LOGIN_SUCCEEDED), at))
                .containsExactly(
                        new HourlyCount(AuditEventType.LOGIN_SUCCEEDED, Instant.parse("2026-03-04T05:00:00Z"), 1));
    }

    @Test
    void whenAnEventIsRecordedAndReadInOneTransactionThenTheReadSeesItAndLongDetailsAreClipped() {
        Store store = newStore();
        AuditEvent event = new AuditEvent(
                AuditEvent.newId(),
                store.id(),
                AuditEventType.PROFILE_UPDATED,
                "cus_" + "s".repeat(400),
                "198.51.100.4",
                "Agent/" + "a".repeat(600),
                Map.of("field", "x".repeat(500)),
                now());

        Page<AuditEvent> page = transactions.required(() -> {
            auditEvents.insert(event);
            return auditEvents.page(store.id(), AuditEventFilter.of(null, null), new PageRequest(1, 10));
        });

        AuditEvent found = page.items().get(0);
        assertThat(found.id()).isEqualTo(event.id());
        assertThat(found.subject()).hasSize(320);
        assertThat(found.userAgent()).hasSize(512);
        assertThat(found.details().get("field")).hasSize(400);
    }
}
