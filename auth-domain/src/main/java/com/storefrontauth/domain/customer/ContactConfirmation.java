package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in customer proving an address: their current email or phone ({@code verify}), or a new
 * one that replaces it once the code sent there is entered ({@code update_email} / {@code update_phone}).
 * A sign-up or sign-in that asked for a verified contact first completes here too, once it is proved.
 */
@ApplicationScoped
public class ContactConfirmation {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerOtp otp;

    @Inject
    CodeSignIn codeSignIn;

    @Inject
    AddressClaim claim;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    public OtpRequired verifyCurrent(Store store, CustomerId id, OtpChannel channel, ClientInfo client) {
        otp.requireChannelUp(channel);
        return transactions.required(() -> {
            Customer customer = customers.find(store.id(), id).orElseThrow(() -> DomainException.notFound("customer"));
            return otp.send(
                    store, OtpAction.CONFIRM_CONTACT, CustomerOtp.requireContact(customer, channel), customer, client);
        });
    }

    /**
     * The code goes to the NEW address; 409 when another customer of the store holds it, unless that
     * account would yield it to a proof (unverified there, another contact verified).
     */
    public OtpRequired change(Store store, CustomerId id, CustomerIdentifier newContact, ClientInfo client) {
        boolean email = newContact.email() != null;
        Destination destination = newContact.destination(email ? OtpChannel.EMAIL : OtpChannel.SMS);
        otp.requireChannelUp(destination.channel());
        return transactions.required(() -> {
            Customer customer = customers.find(store.id(), id).orElseThrow(() -> DomainException.notFound("customer"));
            newContact
                    .findIn(customers, store)
                    .filter(holder -> !holder.id().equals(id))
                    .filter(holder -> !AddressClaim.yieldsToProof(holder, destination.channel()))
                    .ifPresent(other -> {
                        throw new DomainException(
                                ErrorCode.ACCOUNT_EXISTS,
                                "Another account already uses this " + (email ? "email." : "phone."));
                    });
            return otp.send(
                    store, email ? OtpAction.UPDATE_EMAIL : OtpAction.UPDATE_PHONE, destination, customer, client);
        });
    }

    /**
     * A proved {@code verify} or {@code confirm_contact} code: the bearer's address is proved; without a
     * bearer, the sign-up or sign-in that asked for a verified contact completes with a new session.
     */
    CodeVerification.Verified confirm(
            Store store,
            OtpChallenge challenge,
            Optional<CustomerId> holder,
            GuestLink guest,
            ClientInfo client,
            Instant now) {
        Customer customer = codeSignIn.requireSubject(store, challenge);
        if (holder.isPresent() && !holder.get().equals(customer.id())) {
            throw OtpChallenges.expired();
        }
        if (!CodeSignIn.isCurrentContact(customer, challenge)) {
            throw OtpChallenges.expired();
        }
        audit.record(
                store.id(),
                AuditEventType.CONTACT_VERIFIED,
                customer.id().value(),
                client,
                Map.of("channel", challenge.channel().wireValue()));
        if (holder.isPresent() || challenge.action() == OtpAction.CONFIRM_CONTACT) {
            CodeSignIn.confirmDestination(customer, challenge, now);
            customers.update(customer);
            return new CodeVerification.Verified(null, customer);
        }
        // the sign-up or sign-in that asked for a verified contact completes now
        return codeSignIn.signIn(store, customer, challenge, guest, client, now);
    }

    /** A proved {@code update_email} / {@code update_phone} code: the new address replaces the bearer's. */
    CodeVerification.Verified completeChange(
            Store store, OtpChallenge challenge, CustomerId holder, ClientInfo client, Instant now) {
        Customer customer = codeSignIn.requireSubject(store, challenge);
        if (!customer.id().equals(holder)) {
            throw OtpChallenges.expired();
        }
        String address = challenge.destination().address();
        boolean byEmail = challenge.action() == OtpAction.UPDATE_EMAIL;
        Optional<Customer> other = byEmail
                ? customers.findByEmail(store.id(), EmailAddress.parse(address).orElseThrow())
                : customers.findByPhone(store.id(), new PhoneNumber(address));
        other.filter(previous -> !previous.id().equals(customer.id()))
                .filter(previous -> AddressClaim.yieldsToProof(previous, challenge.channel()))
                .ifPresent(previous -> claim.prove(store, previous, challenge.destination(), client, now));
        if (byEmail) {
            customer.replaceEmail(EmailAddress.parse(address).orElseThrow(), now);
        } else {
            customer.replacePhone(new PhoneNumber(address), now);
        }
        if (!customers.updateUnlessTaken(customer)) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_EXISTS,
                    "Another account already uses this "
                            + (challenge.action() == OtpAction.UPDATE_EMAIL ? "email." : "phone."));
        }
        audit.record(
                store.id(),
                AuditEventType.CONTACT_CHANGED,
                customer.id().value(),
                client,
                Map.of(
                        "channel",
                        challenge.channel().wireValue(),
                        "destination",
                        challenge.destination().masked()));
        return new CodeVerification.Verified(null, customer);
    }
}
