package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Codes for a store's customers, under the store's OTP policy; runs in the caller's unit of work. */
@ApplicationScoped
public class CustomerOtp {

    @Inject
    OtpChallenges challenges;

    public OtpRequired send(
            Store store, OtpAction action, Destination destination, Customer customer, ClientInfo client) {
        return challenges.start(request(store, action, destination, customer), client);
    }

    public OtpRequired decoy(Store store, OtpAction action, Destination destination, ClientInfo client) {
        return challenges.startDecoy(request(store, action, destination, null), client);
    }

    public OtpRequired resend(Store store, String token, ClientInfo client) {
        return challenges.resend(store.id(), token, store.name(), retains(store), OtpRules.of(store.policy()), client);
    }

    public void requireChannelUp(OtpChannel channel) {
        challenges.requireChannelUp(channel);
    }

    /** The store's challenge behind {@code token}, locked; empty for an unknown token or another store's. */
    public Optional<OtpChallenge> lock(Store store, String token) {
        return challenges.lock(store.id(), token);
    }

    /**
     * Where a code for the customer goes: their contact for {@code preferred}, else the other one they
     * have (a customer known only by phone gets an email-preferred code by SMS).
     */
    public static Destination contactOf(Customer customer, OtpChannel preferred) {
        if (preferred == OtpChannel.EMAIL ? customer.email() != null : customer.phone() != null) {
            return addressFor(customer, preferred);
        }
        return addressFor(customer, preferred == OtpChannel.EMAIL ? OtpChannel.SMS : OtpChannel.EMAIL);
    }

    /** Where the customer's own contact for {@code channel} is; 400 when they have none. */
    public static Destination requireContact(Customer customer, OtpChannel channel) {
        if (channel == OtpChannel.EMAIL ? customer.email() == null : customer.phone() == null) {
            throw DomainException.invalidField(
                    "channel",
                    "this account has no " + (channel == OtpChannel.EMAIL ? "email" : "phone") + " to send a code to");
        }
        return addressFor(customer, channel);
    }

    private static Destination addressFor(Customer customer, OtpChannel channel) {
        return new Destination(
                channel,
                channel == OtpChannel.EMAIL
                        ? customer.email().value()
                        : customer.phone().e164());
    }

    private static OtpChallenges.Request request(
            Store store, OtpAction action, Destination destination, Customer customer) {
        return new OtpChallenges.Request(
                store.id(),
                store.name(),
                retains(store),
                action,
                destination,
                customer == null ? null : customer.id().value(),
                OtpRules.of(store.policy()));
    }

    /** Test-mode stores keep what was sent for their outbox page. */
    private static boolean retains(Store store) {
        return store.mode() == StoreMode.TEST;
    }
}
