package com.storefrontauth.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.audit.AuditEventFilter;
import com.storefrontauth.domain.audit.AuditEventRepository;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.delivery.FakeTransport;
import com.storefrontauth.domain.delivery.InMemoryOutbox;
import com.storefrontauth.domain.delivery.OutboxMessage;
import com.storefrontauth.domain.otp.OtpActivityRepository.Kind;
import com.storefrontauth.domain.platform.FixedPlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OtpChallengesTest {

    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.9", "test");
    private static final ClientInfo OWNER = new ClientInfo("198.51.100.7", "owner's phone");
    private static final String STORE_NAME = "Acme Shop";
    /** Three attempts, so the daily failure budget is the minimum of ten. */
    private static final OtpRules RULES = new OtpRules(6, Duration.ofMinutes(10), 3, Duration.ofSeconds(60), 5);

    private final MutableClock clock = new MutableClock();
    private final OtpCodes codes = new OtpCodes(secret());
    private final InMemoryOtpChallenges stored = new InMemoryOtpChallenges();
    private final InMemoryOtpActivity activity = new InMemoryOtpActivity();
    private final InMemoryOutbox messages = new InMemoryOutbox();
    private final FakeTransport transport = new FakeTransport();
    private final RecordedEvents events = new RecordedEvents();
    private final List<AuditEvent> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger signals = new AtomicInteger();
    private final StoreId store = StoreId.generate();
    private final Destination ana = new Destination(OtpChannel.EMAIL, "ana@example.com");

    private static byte[] secret() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 42);
        return secret;
    }

    private OtpChallenges otp(Transactions transactions) {
        return otp(transactions, PlatformLimits.defaults());
    }

    private OtpChallenges otp(Transactions transactions, PlatformLimits limits) {
        OtpChallenges otp = new OtpChallenges();
        otp.platform = FixedPlatformLimits.of(limits, clock);
        otp.challenges = stored;
        otp.activity = activity;
        otp.codes = codes;
        otp.outbox = messages.outbox(transport, codes, auditLog(), transactions, clock);
        otp.signal = signals::incrementAndGet;
        otp.transport = transport;
        otp.audit = auditLog();
        otp.transactions = transactions;
        otp.clock = clock;
        return otp;
    }

    private final OtpChallenges otp = otp(new DirectTransactions());

    /** Writes to {@link #events} and keeps the events themselves, so tests can read their details. */
    private AuditLog auditLog() {
        AuditEventRepository both = new AuditEventRepository() {
            @Override
            public void insert(AuditEvent event) {
                events.insert(event);
                recorded.add(event);
            }

            @Override
            public List<HourlyCount> countByHour(StoreId store, Set<AuditEventType> types, Instant since) {
                return events.countByHour(store, types, since);
            }

            @Override
            public Page<AuditEvent> page(StoreId store, AuditEventFilter filter, PageRequest request) {
                return events.page(store, filter, request);
            }

            @Override
            public void each(StoreId store, AuditEventFilter filter, Consumer<AuditEvent> each) {
                events.each(store, filter, each);
            }

            @Override
            public int deleteOccurredBefore(Instant before, int limit) {
                return events.deleteOccurredBefore(before, limit);
            }
        };
        return new AuditLog(both, new DirectTransactions(), new StoreAccess(null, null), clock);
    }

    private OtpChallenges.Request request(Destination destination, OtpRules rules) {
        return new OtpChallenges.Request(store, STORE_NAME, false, OtpAction.LOGIN, destination, "cus_1", rules);
    }

    private OtpChallenges.Request request(Destination destination) {
        return request(destination, RULES);
    }

    private String verify(OtpChallenges service, String token, OtpAction action, String code) {
        return service.verify(() -> service.lock(store, token), action, code, RULES, CLIENT, challenge -> "signed-in");
    }

    private String verify(String token, String code) {
        return verify(otp, token, OtpAction.LOGIN, code);
    }

    private OtpRequired resend(String token) {
        return otp.resend(store, token, STORE_NAME, false, RULES, CLIENT);
    }

    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static DomainException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    private OtpChallenge challengeOf(OtpRequired required) {
        return stored.find(required.challenge().id()).orElseThrow();
    }

    private List<OutboxMessage> pending() {
        return messages.all().stream()
                .filter(message -> message.status() == OutboxMessage.Status.PENDING)
                .toList();
    }

    @Test
    void whenStartedThenExactlyOneMessageIsQueuedWhoseSealedTextHoldsCodeStoreNameAndExpiry() {
        OtpRequired required = otp.start(request(ana), CLIENT);

        assertThat(messages.all()).hasSize(1);
        OutboxMessage message = messages.all().get(0);
        assertThat(message.status()).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(message.recipient()).isEqualTo("ana@example.com");
        assertThat(message.channel()).isEqualTo(OtpChannel.EMAIL);
        assertThat(message.store()).isEqualTo(store);
        assertThat(message.challenge()).isEqualTo(TokenHash.of(required.token()));
        assertThat(message.expiresAt()).isEqualTo(clock.instant().plus(RULES.ttl()));
        assertThat(message.sealedText()).doesNotContain(required.code());
        String text = codes.open(message.id(), message.sealedText());
        assertThat(text).contains(required.code()).contains(STORE_NAME).contains("10 minutes");
        assertThat(codes.open(message.id(), message.sealedCode())).isEqualTo(required.code());
        assertThat(message.subject()).contains(STORE_NAME).doesNotContain(required.code());

        assertThat(required.token()).startsWith(OtpChallenge.TOKEN_PREFIX);
        assertThat(required.expiresIn()).isEqualTo(600);
        assertThat(required.resendAfter()).isEqualTo(60);
        assertThat(stored.find(TokenHash.of(required.token()))).isPresent();
        assertThat(signals).hasValue(1);
        assertThat(events.types()).containsExactly(AuditEventType.OTP_SENT);
        assertThat(activity.total(Kind.SENT))
                .as("counted for the address in the store, the address everywhere and " + "the store's channel")
                .isEqualTo(3);
    }

    @Test
    void whenStartedThenTheAuditEventShowsTheMaskedAddressAndNeverTheCode() {
        OtpRequired required = otp.start(request(ana), CLIENT);

        AuditEvent event = recorded.get(0);
        assertThat(event.details())
                .containsEntry("destination", "a\u2022\u2022\u2022@example.com")
                .containsEntry("action", "login")
                .containsEntry("channel", "email");
        assertThat(event.details().toString()).doesNotContain("ana@").doesNotContain(required.code());
        assertThat(event.ip()).isEqualTo("203.0.113.9");
        assertThat(event.subject()).isEqualTo("cus_1");
    }

    @Test
    void whenDecoyIsStartedThenNothingIsQueuedButTheAnswerHasTheSameShape() {
        OtpRequired real = otp.start(request(ana), CLIENT);
        OtpRequired decoy = otp.startDecoy(request(new Destination(OtpChannel.EMAIL, "nobody@example.com")), CLIENT);

        assertThat(messages.all()).hasSize(1);
        assertThat(messages.all().get(0).recipient()).isEqualTo("ana@example.com");
        assertThat(signals).hasValue(1);
        assertThat(decoy.token()).startsWith(OtpChallenge.TOKEN_PREFIX).hasSameSizeAs(real.token());
        assertThat(decoy.code()).hasSameSizeAs(real.code());
        assertThat(decoy.expiresIn()).isEqualTo(real.expiresIn());
        assertThat(decoy.resendAfter()).isEqualTo(real.resendAfter());
        assertThat(events.types()).containsExactly(AuditEventType.OTP_SENT, AuditEventType.OTP_REQUEST_UNKNOWN);

        DomainException refused = refusal(() -> verify(decoy.token(), decoy.code()));
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(refused.extensions()).containsEntry("attempts_remaining", 2);
    }

    @Test
    void whenDecoyIsStartedThenItCountsAgainstTheAddressLikeARealOne() {
        Destination nobody = new Destination(OtpChannel.EMAIL, "nobody@example.com");
        otp.startDecoy(request(nobody), CLIENT);

        DomainException refused = refusal(() -> otp.start(request(nobody), CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void whenStartedTwiceForTheSameAddressInsideTheCooldownThenRateLimitedWithRetryAfter() {
        otp.start(request(ana), CLIENT);
        clock.advance(Duration.ofSeconds(20));

        DomainException refused = refusal(() -> otp.start(request(ana), CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        // the cooldown ends at exactly 40 s: Retry-After is the whole seconds until then
        assertThat(refused.retryAfterSeconds()).contains(40L);
        assertThat(messages.all()).hasSize(1);
        assertThat(stored.all()).hasSize(1);
        assertThat(activity.total(Kind.SENT)).isEqualTo(3);

        otp.start(request(new Destination(OtpChannel.EMAIL, "bruno@example.com")), CLIENT);
        assertThat(messages.all()).hasSize(2);

        clock.advance(Duration.ofSeconds(40));
        otp.start(request(ana), CLIENT);
        assertThat(messages.all()).hasSize(3);
    }

    @Test
    void whenSmsAndWhatsappGoToTheSamePhoneThenTheyShareTheCooldown() {
        otp.start(request(new Destination(OtpChannel.SMS, "+14155550123")), CLIENT);
        clock.advance(Duration.ofSeconds(5));

        DomainException refused =
                refusal(() -> otp.start(request(new Destination(OtpChannel.WHATSAPP, "+14155550123")), CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).contains(55L);
        assertThat(messages.all()).extracting(OutboxMessage::channel).containsExactly(OtpChannel.SMS);
    }

    @Test
    void whenTheSameAddressIsUsedInAnotherStoreThenItsLimitsAreSeparate() {
        otp.start(request(ana), CLIENT);
        OtpChallenges.Request elsewhere =
                new OtpChallenges.Request(StoreId.generate(), "Other", false, OtpAction.LOGIN, ana, "cus_2", RULES);

        otp.start(elsewhere, CLIENT);

        assertThat(messages.all()).hasSize(2);
    }

    @Test
    void whenTheHourlySendCapIsReachedThenRateLimitedUntilTheOldestSendLeavesTheHour() {
        OtpRules threePerHour = new OtpRules(6, Duration.ofMinutes(10), 3, Duration.ofSeconds(60), 3);
        for (int i = 0; i < 3; i++) {
            otp.start(request(ana, threePerHour), CLIENT);
            clock.advance(Duration.ofMinutes(10));
        }
        // the first send was 30 minutes ago

        DomainException refused = refusal(() -> otp.start(request(ana, threePerHour), CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        // the window includes its first instant: the oldest send still counts at exactly an hour
        assertThat(refused.retryAfterSeconds()).contains(30 * 60L + 1);
        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(refusal(() -> otp.start(request(ana, threePerHour), CLIENT)).retryAfterSeconds())
                .contains(2L);
        assertThat(messages.all()).hasSize(3);

        clock.advance(Duration.ofSeconds(2));
        otp.start(request(ana, threePerHour), CLIENT);
        assertThat(messages.all()).hasSize(4);
    }

    @Test
    void whenResendsReachTheHourlySendCapThenTheResendIsRateLimited() {
        OtpRules threePerHour = new OtpRules(6, Duration.ofMinutes(10), 3, Duration.ofSeconds(60), 3);
        OtpRequired required = otp.start(request(ana, threePerHour), CLIENT);
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(60));
            otp.resend(store, required.token(), STORE_NAME, false, threePerHour, CLIENT);
        }
        clock.advance(Duration.ofSeconds(60));

        DomainException refused =
                refusal(() -> otp.resend(store, required.token(), STORE_NAME, false, threePerHour, CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).contains(3600L - 180 + 1);
        assertThat(challengeOf(required).sends()).isEqualTo(3);
        assertThat(pending()).hasSize(1);
    }

    @Test
    void whenAnAttackersWrongCodesSpendTheBudgetThenOnlyTheirAddressIsHeldBackAndTheOwnerStillSignsIn() {
        assertThat(RULES.failureBudget()).isEqualTo(10);
        // 3 + 3 wrong codes burn two challenges; 3 more, a resend, and 1 more on a third: 10 in all
        for (int burned = 0; burned < 2; burned++) {
            OtpRequired required = otp.start(request(ana), CLIENT);
            for (int i = 0; i < 3; i++) {
                refusal(() -> verify(required.token(), wrong(required.code())));
            }
            clock.advance(Duration.ofMinutes(1));
        }
        OtpRequired third = otp.start(request(ana), CLIENT);
        for (int i = 0; i < 2; i++) {
            refusal(() -> verify(third.token(), wrong(third.code())));
        }
        clock.advance(Duration.ofMinutes(1));
        String code = resend(third.token()).code();
        assertThat(refusal(() -> verify(third.token(), wrong(code))).code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(refusal(() -> verify(third.token(), wrong(code))).code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(activity.total(Kind.FAILED)).isEqualTo(10);
        Instant lastFailure = clock.instant();
        clock.advance(Duration.ofMinutes(1));

        DomainException verifyRefused = refusal(() -> verify(third.token(), code));

        assertThat(verifyRefused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(verifyRefused.retryAfterSeconds())
                .hasValueSatisfying(seconds -> assertThat(seconds)
                        .isPositive()
                        .isLessThanOrEqualTo(Duration.ofHours(1).toSeconds()));
        assertThat(challengeOf(third).status())
                .as("the refused right code did not spend it")
                .isEqualTo(OtpChallenge.Status.OPEN);
        assertThat(activity.total(Kind.FAILED))
                .as("refusals by the budget are not failures")
                .isEqualTo(10);

        OtpRequired owners = otp.start(request(ana), OWNER);
        String owner = otp.verify(
                () -> otp.lock(store, owners.token()),
                OtpAction.LOGIN,
                owners.code(),
                RULES,
                OWNER,
                challenge -> "signed-in");
        assertThat(owner)
                .as("the owner starts and verifies a code from their own address")
                .isEqualTo("signed-in");

        clock.advance(Duration.between(clock.instant(), lastFailure.plus(Duration.ofHours(1)))
                .plusSeconds(1));
        OtpRequired fresh = otp.start(request(ana), CLIENT);
        assertThat(verify(fresh.token(), fresh.code()))
                .as("a quiet hour clears the budget")
                .isEqualTo("signed-in");
    }

    @Test
    void whenAStoreHasSentItsDailyCodesByAChannelThenRateLimitedWhileOtherChannelsAndStoresGoOn() {
        OtpChallenges twoSms = otp(
                new DirectTransactions(),
                PlatformLimits.defaults().amend(java.util.Map.of("store_daily_sms_codes", 2L)));
        twoSms.start(request(new Destination(OtpChannel.SMS, "+14155550101")), CLIENT);
        clock.advance(Duration.ofHours(1));
        twoSms.startDecoy(request(new Destination(OtpChannel.SMS, "+14155550102")), CLIENT);
        clock.advance(Duration.ofHours(1));

        DomainException refused =
                refusal(() -> twoSms.start(request(new Destination(OtpChannel.SMS, "+14155550103")), CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds())
                .as("until the first send leaves the day")
                .contains(Duration.ofHours(22).toSeconds() + 1);
        twoSms.start(request(new Destination(OtpChannel.WHATSAPP, "+14155550104")), CLIENT);
        twoSms.start(request(ana), CLIENT);
        twoSms.start(
                new OtpChallenges.Request(
                        StoreId.generate(),
                        "Other",
                        false,
                        OtpAction.LOGIN,
                        new Destination(OtpChannel.SMS, "+14155550103"),
                        "cus_2",
                        RULES),
                CLIENT);
        assertThat(messages.all())
                .as("each channel and each store has its own budget")
                .extracting(OutboxMessage::channel)
                .containsExactly(OtpChannel.SMS, OtpChannel.WHATSAPP, OtpChannel.EMAIL, OtpChannel.SMS);

        clock.advance(Duration.ofHours(22).plusSeconds(1));
        twoSms.start(request(new Destination(OtpChannel.SMS, "+14155550103")), CLIENT);
    }

    @Test
    void whenOneAddressGetsCodesFromManyStoresThenThePlatformCapCountsThemTogether() {
        OtpChallenges threePerHour = otp(
                new DirectTransactions(),
                PlatformLimits.defaults().amend(java.util.Map.of("destination_codes_per_hour", 3L)));
        for (int i = 0; i < 3; i++) {
            threePerHour.start(
                    new OtpChallenges.Request(
                            StoreId.generate(), "Store " + i, false, OtpAction.LOGIN, ana, "cus_" + i, RULES),
                    CLIENT);
            clock.advance(Duration.ofMinutes(5));
        }

        DomainException refused = refusal(() -> threePerHour.start(
                new OtpChallenges.Request(StoreId.generate(), "Store 4", false, OtpAction.LOGIN, ana, "cus_4", RULES),
                CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).contains(Duration.ofMinutes(45).toSeconds() + 1);
        assertThat(messages.all()).hasSize(3);
        threePerHour.start(request(new Destination(OtpChannel.EMAIL, "bruno@example.com")), CLIENT);
    }

    @Test
    void whenTheChannelIsDownThenServiceUnavailableWithRetryAfterAndNothingWritten() {
        transport.outage(OtpChannel.SMS, Duration.ofSeconds(30));
        Destination phone = new Destination(OtpChannel.SMS, "+14155550123");

        DomainException real = refusal(() -> otp.start(request(phone), CLIENT));
        DomainException decoy = refusal(() -> otp.startDecoy(request(phone), CLIENT));

        assertThat(real.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(real.retryAfterSeconds()).contains(30L);
        assertThat(decoy.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(decoy.retryAfterSeconds()).contains(30L);
        assertThat(stored.all()).isEmpty();
        assertThat(messages.all()).isEmpty();
        assertThat(activity.total(Kind.SENT)).isZero();
        assertThat(events.types()).isEmpty();
        assertThat(signals).hasValue(0);

        otp.start(request(ana), CLIENT);
        transport.recover(OtpChannel.SMS);
        otp.start(request(phone), CLIENT);
        assertThat(messages.all()).hasSize(2);
    }

    @Test
    void whenTheChannelIsDownAtResendThenServiceUnavailableAndThePendingMessageIsKept() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        clock.advance(Duration.ofSeconds(60));
        transport.outage(OtpChannel.EMAIL, Duration.ofMillis(400));

        DomainException refused = refusal(() -> resend(required.token()));

        assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(refused.retryAfterSeconds()).contains(1L);
        assertThat(pending()).hasSize(1);
        assertThat(challengeOf(required).sends()).isEqualTo(1);
        assertThat(verify(required.token(), required.code())).isEqualTo("signed-in");
    }

    @Test
    void whenResentThenThePendingMessageOfTheChallengeIsSupersededAndOnlyTheNewCodeIsQueued() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        OtpRequired other = otp.start(request(new Destination(OtpChannel.EMAIL, "bruno@example.com")), CLIENT);
        clock.advance(Duration.ofSeconds(60));

        OtpRequired again = resend(required.token());

        assertThat(messages.all()).hasSize(3);
        OutboxMessage first = messages.all().get(0);
        assertThat(first.status()).isEqualTo(OutboxMessage.Status.SUPERSEDED);
        assertThat(pending())
                .extracting(OutboxMessage::recipient)
                .containsExactly("bruno@example.com", "ana@example.com");
        OutboxMessage latest = messages.all().get(2);
        assertThat(codes.open(latest.id(), latest.sealedCode())).isEqualTo(again.code());
        assertThat(latest.expiresAt()).isEqualTo(clock.instant().plus(RULES.ttl()));
        assertThat(again.expiresIn()).isEqualTo(600);
        assertThat(again.resendAfter()).isEqualTo(60);
        assertThat(challengeOf(required).sends()).isEqualTo(2);
        assertThat(signals).hasValue(3);
        assertThat(events.types())
                .containsExactly(AuditEventType.OTP_SENT, AuditEventType.OTP_SENT, AuditEventType.OTP_SENT);
        assertThat(recorded.get(2).details()).containsEntry("resend", "1");
        assertThat(other.token()).isNotEqualTo(required.token());

        assumeFalse(again.code().equals(required.code()), "the new code happened to repeat the old one");
        assertThat(refusal(() -> verify(required.token(), required.code())).code())
                .isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(verify(required.token(), again.code())).isEqualTo("signed-in");
    }

    @Test
    void whenResentInsideTheCooldownThenRateLimitedAndNothingQueued() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        clock.advance(Duration.ofMillis(30_500));

        DomainException refused = refusal(() -> resend(required.token()));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).contains(30L);
        assertThat(messages.all()).hasSize(1);
        assertThat(pending()).hasSize(1);
    }

    @Test
    void whenResendingAnotherStoresTokenOrAnUnknownTokenThenOtpExpired() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        clock.advance(Duration.ofSeconds(60));

        DomainException otherStore =
                refusal(() -> otp.resend(StoreId.generate(), required.token(), STORE_NAME, false, RULES, CLIENT));
        DomainException unknown = refusal(() -> resend("otp_unknown"));

        assertThat(otherStore.code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(unknown.code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(messages.all()).hasSize(1);
    }

    @Test
    void whenResendingAnExpiredChallengeThenOtpExpired() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        clock.advance(RULES.ttl());

        assertThat(refusal(() -> resend(required.token())).code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(messages.all()).hasSize(1);
    }

    @Test
    void whenVerifiedWithAnotherActionThenOtpExpiredWithoutCountingAnAttempt() {
        OtpRequired required = otp.start(request(ana), CLIENT);

        DomainException refused =
                refusal(() -> verify(otp, required.token(), OtpAction.RESET_PASSWORD, required.code()));

        assertThat(refused.code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(challengeOf(required).attempts()).isZero();
        assertThat(challengeOf(required).status()).isEqualTo(OtpChallenge.Status.OPEN);
        assertThat(activity.total(Kind.FAILED)).isZero();
        assertThat(verify(required.token(), required.code())).isEqualTo("signed-in");
    }

    @Test
    void whenVerifiedWithAnotherStoresTokenThenOtpExpired() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        StoreId other = StoreId.generate();

        DomainException refused = refusal(() -> otp.verify(
                () -> otp.lock(other, required.token()),
                OtpAction.LOGIN,
                required.code(),
                RULES,
                CLIENT,
                challenge -> "signed-in"));

        assertThat(refused.code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(challengeOf(required).status()).isEqualTo(OtpChallenge.Status.OPEN);
    }

    @Test
    void whenRightCodeThenTheCompletionRunsAndTheChallengeIsUsedUp() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        List<OtpChallenge> completed = new ArrayList<>();

        String result = otp.verify(
                () -> otp.lock(store, required.token()), OtpAction.LOGIN, required.code(), RULES, CLIENT, challenge -> {
                    completed.add(challenge);
                    return "signed-in";
                });

        assertThat(result).isEqualTo("signed-in");
        assertThat(completed).singleElement().satisfies(challenge -> {
            assertThat(challenge.subject()).isEqualTo("cus_1");
            assertThat(challenge.destination()).isEqualTo(ana);
        });
        assertThat(challengeOf(required).status()).isEqualTo(OtpChallenge.Status.USED);
        assertThat(events.types()).containsExactly(AuditEventType.OTP_SENT, AuditEventType.OTP_VERIFIED);

        assertThat(refusal(() -> verify(required.token(), required.code())).code())
                .isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(completed).hasSize(1);
    }

    @Test
    void whenTheCompletionThrowsThenTheChallengeStaysOpenForTheRightCode() {
        OtpChallenges rollingBack =
                otp(new RollbackTransactions(stored::snapshot, activity::snapshot, messages::snapshot));
        OtpRequired required = rollingBack.start(request(ana), CLIENT);
        DomainException disabled = new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");

        Throwable thrown = catchThrowable(() -> rollingBack.verify(
                () -> rollingBack.lock(store, required.token()),
                OtpAction.LOGIN,
                required.code(),
                RULES,
                CLIENT,
                challenge -> {
                    throw disabled;
                }));

        assertThat(thrown).isSameAs(disabled);
        assertThat(challengeOf(required).status()).isEqualTo(OtpChallenge.Status.OPEN);
        assertThat(challengeOf(required).attempts()).isZero();
        assertThat(activity.total(Kind.FAILED)).isZero();
        assertThat(verify(rollingBack, required.token(), OtpAction.LOGIN, required.code()))
                .isEqualTo("signed-in");
        assertThat(challengeOf(required).status()).isEqualTo(OtpChallenge.Status.USED);
    }

    @Test
    void whenAWrongCodeIsRefusedInsideAUnitOfWorkThenTheAttemptIsStillCounted() {
        OtpChallenges rollingBack =
                otp(new RollbackTransactions(stored::snapshot, activity::snapshot, messages::snapshot));
        OtpRequired required = rollingBack.start(request(ana), CLIENT);

        DomainException refused =
                refusal(() -> verify(rollingBack, required.token(), OtpAction.LOGIN, wrong(required.code())));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(challengeOf(required).attempts()).isEqualTo(1);
        assertThat(activity.total(Kind.FAILED)).isEqualTo(1);
        assertThat(events.types()).contains(AuditEventType.OTP_FAILED);
    }

    @Test
    void whenAResendIsRefusedInsideAUnitOfWorkThenTheChallengeKeepsItsCode() {
        OtpRules onePerHour = new OtpRules(6, Duration.ofMinutes(10), 3, Duration.ofSeconds(60), 1);
        OtpChallenges rollingBack =
                otp(new RollbackTransactions(stored::snapshot, activity::snapshot, messages::snapshot));
        OtpRequired required = rollingBack.start(request(ana, onePerHour), CLIENT);
        clock.advance(Duration.ofSeconds(60));

        DomainException refused =
                refusal(() -> rollingBack.resend(store, required.token(), STORE_NAME, false, onePerHour, CLIENT));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(challengeOf(required).sends()).isEqualTo(1);
        assertThat(pending()).hasSize(1);
        assertThat(verify(rollingBack, required.token(), OtpAction.LOGIN, required.code()))
                .isEqualTo("signed-in");
    }

    @Test
    void whenWrongCodesThenInvalidOtpWithAttemptsRemainingUntilBurnedAndEachIsRecorded() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        String wrong = wrong(required.code());

        DomainException first = refusal(() -> verify(required.token(), wrong));
        DomainException second = refusal(() -> verify(required.token(), wrong));
        DomainException last = refusal(() -> verify(required.token(), wrong));

        assertThat(first.code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(first.extensions()).containsEntry("attempts_remaining", 2);
        assertThat(second.extensions()).containsEntry("attempts_remaining", 1);
        assertThat(last.code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(last.extensions()).containsEntry("attempts_remaining", 0);
        assertThat(challengeOf(required).status()).isEqualTo(OtpChallenge.Status.BURNED);
        assertThat(activity.total(Kind.FAILED)).isEqualTo(3);
        assertThat(events.types())
                .containsExactly(
                        AuditEventType.OTP_SENT,
                        AuditEventType.OTP_FAILED,
                        AuditEventType.OTP_FAILED,
                        AuditEventType.OTP_BURNED);
        assertThat(recorded.get(1).details()).containsEntry("attempts_remaining", "2");
        assertThat(recorded.get(3).details()).containsEntry("attempts", "3");
        assertThat(recorded)
                .allSatisfy(event -> assertThat(event.details().values()).doesNotContain(required.code(), wrong));

        DomainException afterBurn = refusal(() -> verify(required.token(), required.code()));
        assertThat(afterBurn.code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(activity.total(Kind.FAILED)).isEqualTo(3);
    }

    @Test
    void whenVerifiedAfterExpiryThenOtpExpiredRecordedAndNoAttemptCounted() {
        OtpRequired required = otp.start(request(ana), CLIENT);
        clock.advance(RULES.ttl());

        DomainException refused = refusal(() -> verify(required.token(), required.code()));

        assertThat(refused.code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(challengeOf(required).attempts()).isZero();
        assertThat(activity.total(Kind.FAILED)).isZero();
        assertThat(events.types()).containsExactly(AuditEventType.OTP_SENT, AuditEventType.OTP_EXPIRED);
        assertThat(recorded.get(1).details()).containsEntry("reason", "verify_after_expiry");
    }

    private String verifyByAddress(Destination destination, String code) {
        return otp.verifyLocated(
                () -> otp.lockNewestOpen(store, destination, Set.of(OtpAction.LOGIN)),
                code,
                RULES,
                CLIENT,
                challenge -> "signed-in");
    }

    @Test
    void whenACodeIsEnteredByItsAddressThenTheNewestOpenChallengeCountsTheAttemptAndIsSpentOnce() {
        OtpRequired older = otp.start(request(ana), CLIENT);
        clock.advance(RULES.resendCooldown().plusSeconds(1));
        OtpRequired newest = otp.start(request(ana), CLIENT);
        assumeFalse(older.code().equals(newest.code()));

        DomainException refused = refusal(() -> verifyByAddress(ana, wrong(newest.code())));
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(challengeOf(newest).attempts()).isEqualTo(1);
        assertThat(challengeOf(older).attempts()).isZero();
        assertThat(verifyByAddress(ana, newest.code())).isEqualTo("signed-in");
        // the newest is used up: the same code now meets the older challenge, and fails there
        assertThat(refusal(() -> verifyByAddress(ana, newest.code())).code()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(refusal(() -> verifyByAddress(new Destination(OtpChannel.EMAIL, "bob@example.com"), newest.code()))
                        .code())
                .isEqualTo(ErrorCode.OTP_EXPIRED);
    }

    @Test
    void whenAMessageOtherThanACodeIsCountedThenTheAddressCooldownHoldsTheNextCodeBack() {
        otp.countMessage(store, ana, RULES);
        DomainException refused = refusal(() -> otp.start(request(ana), CLIENT));
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).isPresent();
        assertThat(activity.total(Kind.SENT)).isPositive();
    }
}
