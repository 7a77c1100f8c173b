package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A signed-in customer proving an address: their current email or phone ({@code verify}), or a new
 * one that replaces it once the code sent there is entered ({@code update_email} / {@code update_phone}).
 */
@ApplicationScoped
public class ContactConfirmation {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerOtp otp;

    @Inject
    Transactions transactions;

    public OtpRequired verifyCurrent(Store store, CustomerId id, OtpChannel channel, ClientInfo client) {
        otp.requireChannelUp(channel);
        return transactions.required(() -> {
            Customer customer = customers.find(store.id(), id).orElseThrow(() -> DomainException.notFound("customer"));
            return otp.send(store, OtpAction.CONFIRM_CONTACT, CustomerOtp.requireContact(customer, channel), customer, client);
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
            newContact.findIn(customers, store).filter(holder -> !holder.id().equals(id))
                    .filter(holder -> !AddressClaim.yieldsToProof(holder, destination.channel())).ifPresent(other -> {
                throw new DomainException(ErrorCode.ACCOUNT_EXISTS,
                        "Another account already uses this " + (email ? "email." : "phone."));
            });
            return otp.send(store, email ? OtpAction.UPDATE_EMAIL : OtpAction.UPDATE_PHONE, destination, customer,
                    client);
        });
    }
}
