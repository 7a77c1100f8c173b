package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.OriginPattern;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.PasswordPolicy;
import com.storefrontauth.domain.delivery.Outbox;
import com.storefrontauth.domain.delivery.OutboxSignal;
import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplates;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreDirectory;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.throttle.LockoutKey;
import com.storefrontauth.domain.throttle.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Forgot password" by a link instead of a code: a single-use token of 256 random bits (not a code a
 * person types, so no attempt count is needed), kept only as its hash, mailed as
 * {@code <storefront origin>/reset-password?token=…}. The origin is one the store allows, so the link
 * never leads anywhere the merchant did not list. Starting counts against the address's code limits and
 * answers the same for unknown addresses; completing it sets the password, proves the email like a reset
 * code does, and ends every session of the customer.
 */
@ApplicationScoped
public class PasswordResetByLink {

    public static final Duration LINK_TTL = Duration.ofMinutes(30);
    static final String TOKEN_PREFIX = "prl_";
    private static final int MAX_TOKEN_LENGTH = 100;

    @Inject
    CustomerRepository customers;

    @Inject
    ResetLinkRepository links;

    @Inject
    OtpChallenges challenges;

    @Inject
    Outbox outbox;

    @Inject
    MessageTemplates templates;

    @Inject
    OutboxSignal signal;

    @Inject
    StoreDirectory directory;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionEnding ending;

    @Inject
    LoginThrottle throttle;

    @Inject
    AddressClaim claim;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /**
     * Mails a link to the account holding {@code email}, if there is one.
     *
     * @param requestOrigin the request's {@code Origin}, or null: the store's first allowed origin is used
     */
    public void start(Store store, EmailAddress email, String requestOrigin, ClientInfo client) {
        if (!store.policy().passwordLogin()) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED, "This store does not use passwords.");
        }
        String origin = linkOrigin(store, requestOrigin);
        Destination destination = new Destination(OtpChannel.EMAIL, email.value());
        transactions.required(() -> {
            challenges.countMessage(store.id(), destination, OtpRules.of(store.policy()));
            Optional<Customer> found = customers
                    .findByEmail(store.id(), email)
                    .filter(customer -> !AddressClaim.yieldsToProof(customer, OtpChannel.EMAIL));
            if (found.isEmpty()) {
                audit.record(
                        store.id(),
                        AuditEventType.OTP_REQUEST_UNKNOWN,
                        null,
                        client,
                        Map.of(
                                "action",
                                "reset_password_link",
                                "channel",
                                "email",
                                "destination",
                                destination.masked()));
                return;
            }
            Instant now = clock.instant();
            String token = RandomSecret.generate(TOKEN_PREFIX);
            ResetLink link = new ResetLink(
                    TokenHash.of(token), store.id(), found.get().id(), email.value(), now.plus(LINK_TTL), now);
            links.insert(link);
            String address = origin + "/reset-password?token=" + token;
            outbox.queueLink(
                    store.id(),
                    link.id(),
                    destination,
                    templates.compose(store.id(), store.name(), MessageKind.RESET_LINK, null, address, LINK_TTL),
                    token,
                    link.expiresAt(),
                    store.mode() == StoreMode.TEST);
            audit.record(
                    store.id(),
                    AuditEventType.PASSWORD_RESET_LINK_SENT,
                    found.get().id().value(),
                    client,
                    Map.of("channel", "email", "destination", destination.masked()));
            transactions.afterCommit(signal::messageQueued);
        });
    }

    /** Sets the password of the link's customer and ends all their sessions; the link is spent. */
    public void complete(Store store, String token, String newPassword, ClientInfo client) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
            throw invalidLink();
        }
        // checked and hashed before the link is spent, so a weak password does not use it up
        PasswordPolicy.check("password", newPassword, store.policy().passwordMinLength());
        String hash = hasher.hash(store.id(), newPassword);
        transactions.required(() -> {
            Instant now = clock.instant();
            ResetLink link =
                    links.spend(TokenHash.of(token), store.id(), now).orElseThrow(PasswordResetByLink::invalidLink);
            // a link to an address the account no longer holds (or would give up) completes nothing
            Customer customer = customers
                    .find(store.id(), link.customer())
                    .filter(found ->
                            found.email() != null && found.email().value().equals(link.email()))
                    .filter(found -> !AddressClaim.yieldsToProof(found, OtpChannel.EMAIL))
                    .orElseThrow(PasswordResetByLink::invalidLink);
            if (customer.isDisabled()) {
                throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
            }
            claim.prove(store, customer, new Destination(OtpChannel.EMAIL, link.email()), client, now);
            customer.replacePasswordHash(hash, now);
            customer.confirmEmail(now);
            customers.update(customer);
            ending.endAllOf(
                    store.id(),
                    customer.id().value(),
                    null,
                    SessionEnding.Reason.PASSWORD_RESET,
                    new SessionEnding.Event(
                            AuditEventType.PASSWORD_RESET, customer.id().value(), client, Map.of("method", "link")));
            // the owner of the address proved themselves: a lockout from guessing is over
            throttle.clear(store, LockoutKey.email(link.email()));
        });
    }

    /** The request's origin if the store allows it, else the store's first allowed origin that is not a wildcard. */
    private String linkOrigin(Store store, String requestOrigin) {
        List<CorsOrigin> allowed = directory.origins(store.id());
        if (requestOrigin != null) {
            return OriginPattern.parseRequestOrigin(requestOrigin)
                    .filter(origin ->
                            allowed.stream().anyMatch(entry -> entry.origin().matches(origin)))
                    .map(OriginPattern::toString)
                    .orElseThrow(() -> new DomainException(
                            ErrorCode.ORIGIN_NOT_ALLOWED, "This origin is not allowed for the store."));
        }
        return allowed.stream()
                .sorted(Comparator.comparing(CorsOrigin::createdAt))
                .map(CorsOrigin::origin)
                .filter(origin -> !origin.isWildcard())
                .map(OriginPattern::toString)
                .findFirst()
                .orElseThrow(
                        () -> new DomainException(
                                ErrorCode.INVALID_REQUEST,
                                "This store has no allowed origin"
                                        + " to link to: its merchant adds the storefront's origin to the store's CORS origins first."));
    }

    private static DomainException invalidLink() {
        return DomainException.invalidField(
                "token", "is not a reset link of this store, or it was used or has expired");
    }
}
