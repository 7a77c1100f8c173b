package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/**
 * What proving an address by code does to the account that holds it, on every route where a code
 * proves an address it was not sent for by the account's own signed-in holder (code sign-in, sign-up by
 * code, password reset, contact change). Anyone can register an address they do not control; its owner's
 * later proof must give them nothing that person set up. When the address was unverified and the account
 * has no other verified contact, the proof claims the account: every password and session set up before
 * it is dropped. When the account has another verified contact, the account yields the unverified address
 * (it is taken off), and the proof goes on as for an address no account holds.
 */
@ApplicationScoped
public class AddressClaim {

    /** What the proof did to the account that held the address. */
    public enum Outcome {
        /** The address was already proved on the account: nothing changes. */
        OWNED,
        /** The account is now the prover's: its passwords and sessions are gone. */
        CLAIMED,
        /** The account gave the address up: for the prover, no account holds it any more. */
        YIELDED
    }

    @Inject
    CustomerRepository customers;

    @Inject
    SessionEnding ending;

    @Inject
    AuditLog audit;

    /**
     * Whether the account would give the address up to a proof of it: the address is unverified there
     * and the account has another, verified contact. A code for such an address starts as for an unknown one.
     */
    public static boolean yieldsToProof(Customer holder, OtpChannel channel) {
        return !holder.isVerified(channel) && holder.hasVerifiedContactBesides(channel);
    }

    /** Applies a proof of {@code proved} (the holder's current address) in the proving unit of work, and saves the holder. */
    public Outcome prove(Store store, Customer holder, Destination proved, ClientInfo client, Instant now) {
        OtpChannel channel = proved.channel();
        if (holder.isVerified(channel)) {
            return Outcome.OWNED;
        }
        if (yieldsToProof(holder, channel)) {
            holder.release(channel, now);
            customers.update(holder);
            audit.record(
                    store.id(),
                    AuditEventType.CONTACT_RELEASED,
                    holder.id().value(),
                    client,
                    Map.of("channel", channel.wireValue(), "destination", proved.masked()));
            return Outcome.YIELDED;
        }
        boolean hadPassword = holder.passwordHash() != null;
        holder.removePassword(now);
        customers.update(holder);
        ending.endAllOf(
                store.id(),
                holder.id().value(),
                null,
                SessionEnding.Reason.ACCOUNT_CLAIMED,
                new SessionEnding.Event(
                        AuditEventType.ACCOUNT_CLAIMED,
                        holder.id().value(),
                        client,
                        Map.of("channel", channel.wireValue(), "password_removed", String.valueOf(hadPassword))));
        return Outcome.CLAIMED;
    }
}
