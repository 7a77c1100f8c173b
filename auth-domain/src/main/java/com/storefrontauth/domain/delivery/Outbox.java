package com.storefrontauth.domain.delivery;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplates;
import com.storefrontauth.domain.message.RenderedMessage;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpCodes;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable outbox. {@link #queue} writes a message in the caller's unit of work (so a challenge and
 * its message commit or vanish together); {@link #drain} hands due messages to the transports, retries
 * failures with backoff while the code is valid, and drops what expired undelivered.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    public static final int BATCH = 20;
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    OutboxRepository messages;

    @Inject
    MessageTransport transport;

    @Inject
    OtpCodes codes;

    @Inject
    MessageTemplates templates;

    @Inject
    AuditLog audit;

    @Inject
    StoreAccess access;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /**
     * Queues the code of a challenge; earlier undelivered codes of the same challenge are superseded.
     *
     * @param retained keep the sealed text after delivery (test-mode stores show it on their outbox page)
     */
    public OutboxMessage queue(
            OtpChallenge challenge, String code, String storeName, OtpRules rules, boolean retained) {
        Instant now = clock.instant();
        String id = OutboxMessage.newId();
        RenderedMessage rendered = templates.compose(
                challenge.store(), storeName, MessageKind.of(challenge.action()), code, null, rules.ttl());
        OutboxMessage message = new OutboxMessage(
                id,
                challenge.store(),
                challenge.id(),
                challenge.channel(),
                challenge.destination().address(),
                rendered.subject(),
                codes.seal(id, rendered.text()),
                codes.seal(id, code),
                sealedHtml(id, challenge.channel(), rendered),
                retained,
                OutboxMessage.Status.PENDING,
                0,
                now,
                challenge.expiresAt(),
                now,
                null,
                null,
                null);
        if (challenge.sends() > 1) {
            messages.supersedePending(challenge.id());
        }
        messages.insert(message);
        return message;
    }

    /**
     * Queues a message that carries a link instead of a code (its secret, sealed like a code, is the
     * link's token); it is dropped when the link expires undelivered.
     *
     * @param linkId the hash of the link's token, in place of a challenge's
     */
    public OutboxMessage queueLink(
            StoreId store,
            TokenHash linkId,
            Destination destination,
            RenderedMessage rendered,
            String token,
            Instant expiresAt,
            boolean retained) {
        Instant now = clock.instant();
        String id = OutboxMessage.newId();
        OutboxMessage message = new OutboxMessage(
                id,
                store,
                linkId,
                destination.channel(),
                destination.address(),
                rendered.subject(),
                codes.seal(id, rendered.text()),
                codes.seal(id, token),
                sealedHtml(id, destination.channel(), rendered),
                retained,
                OutboxMessage.Status.PENDING,
                0,
                now,
                expiresAt,
                now,
                null,
                null,
                null);
        messages.insert(message);
        return message;
    }

    /** Only an email has an HTML part; texts and WhatsApp messages are the text alone. */
    private String sealedHtml(String id, OtpChannel channel, RenderedMessage rendered) {
        return channel == OtpChannel.EMAIL ? codes.seal(id, rendered.html()) : null;
    }

    /** One round: every due message gets one delivery attempt. @return how many were leased */
    public int drain() {
        Instant now = clock.instant();
        List<OutboxMessage> due = transactions.required(() -> messages.leaseDue(now, now.plus(LEASE), BATCH));
        for (OutboxMessage message : due) {
            attempt(message);
        }
        return due.size();
    }

    /** A message as the outbox page shows it, with its text and code opened while they are kept. */
    public record Entry(OutboxMessage message, String text, String code) {}

    /** The outbox page of a test-mode store (live stores keep no readable copy: 403). */
    public Page<Entry> page(Operator operator, StoreId storeId, PageRequest request) {
        return transactions.required(() -> {
            Store store = access.require(operator, storeId);
            if (store.mode() != StoreMode.TEST) {
                throw new DomainException(
                        ErrorCode.FORBIDDEN,
                        "Only test-mode stores have an outbox page; live stores' messages are not kept readable.");
            }
            Page<OutboxMessage> page = messages.page(storeId, request);
            return new Page<>(page.items().stream().map(this::opened).toList(), page.page(), page.size(), page.total());
        });
    }

    private Entry opened(OutboxMessage message) {
        return new Entry(
                message,
                message.sealedText() == null ? null : codes.open(message.id(), message.sealedText()),
                message.sealedCode() == null ? null : codes.open(message.id(), message.sealedCode()));
    }

    private void attempt(OutboxMessage message) {
        Instant now = clock.instant();
        if (!now.isBefore(message.expiresAt())) {
            transactions.required(() -> {
                messages.markExpired(message, "the code expired before a provider accepted it");
                audit.record(
                        message.store(),
                        AuditEventType.OTP_EXPIRED,
                        null,
                        null,
                        details(
                                message,
                                Map.of("reason", "undelivered", "attempts", String.valueOf(message.attempts()))));
            });
            return;
        }
        MessageTransport.Delivery delivery;
        try {
            delivery = new MessageTransport.Delivery(
                    message.id(),
                    message.store(),
                    message.channel(),
                    message.recipient(),
                    message.subject(),
                    codes.open(message.id(), message.sealedText()),
                    message.sealedHtml() == null ? null : codes.open(message.id(), message.sealedHtml()),
                    codes.open(message.id(), message.sealedCode()));
        } catch (IllegalStateException sealedUnderAnotherSecret) {
            // e.g. instances configured with different auth.otp.secret values: this one can never send it
            dropUndeliverable(message, sealedUnderAnotherSecret.getMessage());
            return;
        }
        try {
            String via = transport.deliver(delivery);
            transactions.required(() -> {
                messages.markDelivered(message, via, clock.instant());
                audit.record(
                        message.store(),
                        AuditEventType.OTP_DELIVERED,
                        null,
                        null,
                        details(message, Map.of("transport", via)));
            });
        } catch (DeliveryFailedException failure) {
            if (failure.permanent()) {
                dropUndeliverable(message, reason(failure));
            } else {
                retryLater(message, failure);
            }
        } catch (RuntimeException failure) {
            retryLater(message, failure);
        }
    }

    private void dropUndeliverable(OutboxMessage message, String reason) {
        LOG.log(Level.WARNING, "Outbox message {0} over {1} is undeliverable: {2}", new Object[] {
            message.id(), message.channel().wireValue(), reason
        });
        transactions.required(() -> {
            messages.markExpired(message, reason);
            audit.record(
                    message.store(),
                    AuditEventType.OTP_DELIVERY_FAILED,
                    null,
                    null,
                    details(
                            message,
                            Map.of(
                                    "attempt",
                                    String.valueOf(message.attempts() + 1),
                                    "reason",
                                    reason,
                                    "permanent",
                                    "true")));
        });
    }

    private void retryLater(OutboxMessage message, Exception failure) {
        int attempts = message.attempts() + 1;
        Duration wait = backoff(attempts, transport.outage(message.channel()).orElse(Duration.ZERO));
        String reason = reason(failure);
        LOG.log(Level.WARNING, "Delivery of outbox message {0} over {1} failed (attempt {2}): {3}", new Object[] {
            message.id(), message.channel().wireValue(), attempts, reason
        });
        transactions.required(() -> {
            messages.reschedule(message.id(), attempts, clock.instant().plus(wait), reason);
            audit.record(
                    message.store(),
                    AuditEventType.OTP_DELIVERY_FAILED,
                    null,
                    null,
                    details(message, Map.of("attempt", String.valueOf(attempts), "reason", reason)));
        });
    }

    /** Exponential from 1 s, capped; never sooner than an open circuit allows. */
    static Duration backoff(int attempts, Duration outage) {
        Duration exponential = Duration.ofSeconds(1L << Math.min(attempts - 1, 5));
        Duration capped = exponential.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : exponential;
        return outage.compareTo(capped) > 0 ? outage : capped;
    }

    private static String reason(Exception failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }

    private static Map<String, String> details(OutboxMessage message, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("message_id", message.id());
        details.put("channel", message.channel().wireValue());
        details.putAll(more);
        return details;
    }
}
