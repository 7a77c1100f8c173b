package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.delivery.MessageTransport;
import com.storefrontauth.domain.delivery.Outbox;
import com.storefrontauth.domain.delivery.OutboxSignal;
import com.storefrontauth.domain.otp.OtpActivityRepository.Kind;
import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimitsService;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.RetryAfter;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Starting, resending and verifying challenges, with the per-destination limits of DESIGN.md: one
 * code per cooldown and at most {@code otp_max_sends_per_hour} per store, at most the platform's
 * {@code destination_codes_per_hour} across all stores, the store's daily codes per channel, and a
 * budget of wrong codes per destination and client address that holds back verifying, never starting.
 * Every limit is counted in the database, so it holds across instances. The code's message is queued in
 * the same unit of work as its challenge. Use cases that send codes (passwordless sign-in, reset, contact
 * checks, merchant activation) all come through here.
 */
@ApplicationScoped
public class OtpChallenges {

    @Inject
    OtpChallengeRepository challenges;

    @Inject
    OtpActivityRepository activity;

    @Inject
    OtpCodes codes;

    @Inject
    PlatformLimitsService platform;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSignal signal;

    @Inject
    MessageTransport transport;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /** Who a new challenge is for and where it goes. */
    public record Request(
            StoreId store,
            String storeName,
            boolean retainMessages,
            OtpAction action,
            Destination destination,
            String subject,
            OtpRules rules) {}

    /**
     * Refuses with 503 while the channel's provider is known to be down: promising a code that cannot
     * arrive is worse than saying so. Call before any other work of a step that sends a code.
     */
    public void requireChannelUp(OtpChannel channel) {
        Optional<Duration> outage = transport.outage(channel);
        if (outage.isPresent()) {
            throw new DomainException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Codes cannot be sent by " + channel.wireValue() + " right now; try again shortly.",
                    Map.of(),
                    Map.of(),
                    Math.max(1, outage.get().toSeconds()));
        }
    }

    /** A real challenge: its code is queued for delivery. Runs in the caller's unit of work. */
    public OtpRequired start(Request request, ClientInfo client) {
        return open(request, false, client);
    }

    /**
     * The answer to an identifier without an account: a challenge that looks and costs the same and
     * counts against the same limits, whose code is never sent and never verifies.
     */
    public OtpRequired startDecoy(Request request, ClientInfo client) {
        return open(request, true, client);
    }

    private OtpRequired open(Request request, boolean decoy, ClientInfo client) {
        requireChannelUp(request.destination().channel());
        Instant now = clock.instant();
        requireSendAllowed(request.store(), request.destination(), request.rules(), now);
        OtpChallenge.Issued issued = OtpChallenge.issue(
                request.store(),
                request.action(),
                request.destination(),
                request.subject(),
                decoy,
                request.rules(),
                codes,
                now);
        challenges.insert(issued.challenge());
        recordSent(request.store(), request.destination(), now);
        if (decoy) {
            audit.record(
                    request.store(),
                    AuditEventType.OTP_REQUEST_UNKNOWN,
                    null,
                    client,
                    details(issued.challenge(), Map.of()));
        } else {
            outbox.queue(
                    issued.challenge(), issued.code(), request.storeName(), request.rules(), request.retainMessages());
            audit.record(
                    request.store(),
                    AuditEventType.OTP_SENT,
                    request.subject(),
                    client,
                    details(issued.challenge(), Map.of()));
            transactions.afterCommit(signal::messageQueued);
        }
        return new OtpRequired(
                issued.challenge(),
                issued.token(),
                issued.code(),
                issued.challenge().expiresIn(now),
                request.rules().resendCooldown().toSeconds());
    }

    /** A new code for the same challenge (same token), inside the same limits. */
    public OtpRequired resend(
            StoreId store, String token, String storeName, boolean retainMessages, OtpRules rules, ClientInfo client) {
        return transactions.required(() -> {
            OtpChallenge challenge = challenges
                    .lock(store, TokenHash.of(token))
                    .filter(found -> !found.action().isAccountAction())
                    .orElseThrow(OtpChallenges::expired);
            return resend(challenge, storeName, retainMessages, rules, client);
        });
    }

    /** Resends an open challenge already locked by the caller. */
    public OtpRequired resend(
            OtpChallenge challenge, String storeName, boolean retainMessages, OtpRules rules, ClientInfo client) {
        Instant now = clock.instant();
        if (!challenge.isOpen(now)) {
            throw expired();
        }
        requireChannelUp(challenge.channel());
        String code = challenge.resend(rules, codes, now);
        // the address's own cooldown also covers other challenges' codes sent to it since
        requireSendAllowed(challenge.store(), challenge.destination(), rules, now);
        challenges.update(challenge);
        recordSent(challenge.store(), challenge.destination(), now);
        if (!challenge.decoy()) {
            outbox.queue(challenge, code, storeName, rules, retainMessages);
            audit.record(
                    challenge.store(),
                    AuditEventType.OTP_SENT,
                    challenge.subject(),
                    client,
                    details(challenge, Map.of("resend", String.valueOf(challenge.sends() - 1))));
            transactions.afterCommit(signal::messageQueued);
        }
        return new OtpRequired(
                challenge,
                null,
                code,
                challenge.expiresIn(now),
                rules.resendCooldown().toSeconds());
    }

    /**
     * Checks a code and, when it is right, runs {@code completion} in the same unit of work (the
     * challenge is used up only if the completion commits). A wrong code is counted and recorded in a
     * committed unit of work before the refusal is thrown. A client address that has spent the failure
     * budget for this destination is refused before the code is looked at; other addresses are not.
     *
     * @param locate finds and locks the challenge (empty for an unknown token or another store's)
     */
    public <T> T verify(
            Supplier<Optional<OtpChallenge>> locate,
            OtpAction action,
            String code,
            OtpRules rules,
            ClientInfo client,
            Function<OtpChallenge, T> completion) {
        return verifyLocated(
                () -> locate.get().filter(found -> found.action().answers(action)), code, rules, client, completion);
    }

    /** {@link #verify} for a challenge whose action {@code locate} has already settled. */
    public <T> T verifyLocated(
            Supplier<Optional<OtpChallenge>> locate,
            String code,
            OtpRules rules,
            ClientInfo client,
            Function<OtpChallenge, T> completion) {
        return transactions.requiredThenRefuse(() -> {
            Instant now = clock.instant();
            OtpChallenge challenge = locate.get().orElseThrow(OtpChallenges::expired);
            TokenHash key = failureKey(challenge, client);
            requireFailureBudget(key, rules, now);
            OtpChallenge.Outcome outcome = challenge.verify(code, codes, now);
            if (outcome instanceof OtpChallenge.Accepted) {
                challenges.update(challenge);
                audit.record(
                        challenge.store(),
                        AuditEventType.OTP_VERIFIED,
                        challenge.subject(),
                        client,
                        details(challenge, Map.of()));
                return completion.apply(challenge);
            }
            if (outcome instanceof OtpChallenge.Dead dead) {
                if (dead.expired()) {
                    audit.recordRefusal(
                            challenge.store(),
                            AuditEventType.OTP_EXPIRED,
                            challenge.subject(),
                            client,
                            details(challenge, Map.of("reason", "verify_after_expiry")));
                }
                throw expired();
            }
            // the attempt stays counted: the refusal is thrown once its unit of work has committed
            challenges.update(challenge);
            activity.record(key, Kind.FAILED, now);
            if (outcome instanceof OtpChallenge.Burned) {
                audit.record(
                        challenge.store(),
                        AuditEventType.OTP_BURNED,
                        challenge.subject(),
                        client,
                        details(challenge, Map.of("attempts", String.valueOf(challenge.attempts()))));
                throw new Transactions.CommittedRefusal(wrongCode(0));
            }
            int remaining = ((OtpChallenge.Rejected) outcome).attemptsRemaining();
            audit.record(
                    challenge.store(),
                    AuditEventType.OTP_FAILED,
                    challenge.subject(),
                    client,
                    details(challenge, Map.of("attempts_remaining", String.valueOf(remaining))));
            throw new Transactions.CommittedRefusal(wrongCode(remaining));
        });
    }

    private static DomainException wrongCode(int remaining) {
        String detail = remaining == 0
                ? "The code is not correct, and no attempts are left; ask for a new code."
                : "The code is not correct.";
        return new DomainException(
                ErrorCode.INVALID_OTP, detail, Map.of(), Map.of("attempts_remaining", remaining), null);
    }

    /** Locks the store's newest open challenge for one of {@code actions} sent to {@code destination}. */
    public Optional<OtpChallenge> lockNewestOpen(StoreId store, Destination destination, Set<OtpAction> actions) {
        return challenges.lockNewestOpen(store, destination, actions, clock.instant());
    }

    /**
     * Admits a message to an address that is not a code (a reset link) under the same limits as codes, and
     * counts it: a link is one more message in the address's inbox. Runs in the caller's unit of work.
     */
    public void countMessage(StoreId store, Destination destination, OtpRules rules) {
        requireChannelUp(destination.channel());
        Instant now = clock.instant();
        requireSendAllowed(store, destination, rules, now);
        recordSent(store, destination, now);
    }

    /** Locks the challenge of a storefront token in that store; empty for any other store's or an unknown token. */
    public Optional<OtpChallenge> lock(StoreId store, String token) {
        return challenges.lock(store, TokenHash.of(token));
    }

    /** Failures are counted per destination and client address: an attacker's wrong codes hold back only their own. */
    private static TokenHash failureKey(OtpChallenge challenge, ClientInfo client) {
        return TokenHash.of(
                challenge.destination().throttleKey(challenge.store()).hex() + "|ip:"
                        + (client.ip() == null ? "-" : client.ip()));
    }

    /** The key of a store's codes by one channel (its daily budget). */
    private static TokenHash storeKey(StoreId store, OtpChannel channel) {
        return TokenHash.of("otp-store:" + store.value() + ":" + channel.wireValue());
    }

    private void recordSent(StoreId store, Destination destination, Instant now) {
        activity.record(destination.throttleKey(store), Kind.SENT, now);
        activity.record(destination.platformKey(), Kind.SENT, now);
        if (store != null) {
            activity.record(storeKey(store, destination.channel()), Kind.SENT, now);
        }
    }

    private void requireSendAllowed(StoreId store, Destination destination, OtpRules rules, Instant now) {
        OtpActivityRepository.Summary seen = summarize(destination.throttleKey(store), now);
        Optional<Instant> last = seen.lastSent();
        if (!rules.resendCooldown().isZero()
                && last.isPresent()
                && now.isBefore(last.get().plus(rules.resendCooldown()))) {
            throw limited(
                    ErrorCode.RATE_LIMITED,
                    "A code was sent to this address moments ago; wait before asking again.",
                    last.get().plus(rules.resendCooldown()),
                    now);
        }
        if (seen.sentInWindow() >= rules.maxSendsPerHour()) {
            Instant free = leavesWindow(seen.oldestSentInWindow().orElse(now), OtpRules.SEND_WINDOW);
            throw limited(
                    ErrorCode.RATE_LIMITED, "Too many codes were sent to this address; try again later.", free, now);
        }
        PlatformLimits limits = platform.current();
        requireWithin(
                destination.platformKey(),
                OtpRules.SEND_WINDOW,
                limits.destinationCodesPerHour(),
                "Too many codes were sent to this address; try again later.",
                now);
        if (store != null) {
            requireWithin(
                    storeKey(store, destination.channel()),
                    OtpRules.STORE_BUDGET_WINDOW,
                    limits.storeDailyCodes(destination.channel().wireValue()),
                    "This store has sent all the codes by "
                            + destination.channel().wireValue() + " it may send today; try again later.",
                    now);
        }
    }

    private void requireWithin(TokenHash key, Duration window, long limit, String detail, Instant now) {
        Instant since = now.minus(window);
        OtpActivityRepository.Summary seen = activity.summarize(key, since, since);
        if (seen.sentInWindow() >= limit) {
            Instant free = leavesWindow(seen.oldestSentInWindow().orElse(now), window);
            throw limited(ErrorCode.RATE_LIMITED, detail, free, now);
        }
    }

    private void requireFailureBudget(TokenHash key, OtpRules rules, Instant now) {
        OtpActivityRepository.Summary seen = summarize(key, now);
        if (seen.failedInWindow() >= rules.failureBudget()) {
            Instant free = leavesWindow(seen.oldestFailedInWindow().orElse(now), OtpRules.FAILURE_WINDOW);
            throw limited(
                    ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many wrong codes from this address; wait before trying again or ask for a new code.",
                    free,
                    now);
        }
    }

    private OtpActivityRepository.Summary summarize(TokenHash key, Instant now) {
        return activity.summarize(key, now.minus(OtpRules.SEND_WINDOW), now.minus(OtpRules.FAILURE_WINDOW));
    }

    /** Windows count an entry at their very start too: it has left only just after {@code window} has passed. */
    private static Instant leavesWindow(Instant entry, Duration window) {
        return entry.plus(window).plusMillis(1);
    }

    private static DomainException limited(ErrorCode code, String detail, Instant free, Instant now) {
        return new DomainException(code, detail, Map.of(), Map.of(), RetryAfter.seconds(now, free));
    }

    public static DomainException expired() {
        return new DomainException(
                ErrorCode.OTP_EXPIRED, "This code has expired or was already used; ask for a new one.");
    }

    private static Map<String, String> details(OtpChallenge challenge, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", challenge.action().wireValue());
        details.put("channel", challenge.channel().wireValue());
        details.put("destination", challenge.destination().masked());
        details.putAll(more);
        return details;
    }
}
