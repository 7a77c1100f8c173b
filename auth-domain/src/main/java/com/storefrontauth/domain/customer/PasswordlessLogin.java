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
import java.util.Optional;

/**
 * Sign-in (and optionally sign-up) with a code sent by email, SMS or WhatsApp. A known customer gets
 * a {@code login} challenge; an unknown identifier a {@code register} challenge when asked for and
 * allowed, else a decoy that answers exactly like a real challenge.
 */
@ApplicationScoped
public class PasswordlessLogin {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerOtp otp;

    @Inject
    Transactions transactions;

    public OtpRequired start(Store store, OtpChannel channel, CustomerIdentifier identifier, boolean registerIfNotExists,
            ClientInfo client) {
        if (!channel.allowedBy(store.policy())) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED,
                    "This store does not allow sign-in with a code by " + channel.wireValue() + ".");
        }
        otp.requireChannelUp(channel);
        Destination destination = identifier.destination(channel);
        return transactions.required(() -> {
            // an account that would give this address up to its owner's proof does not hold it for them
            Optional<Customer> found = identifier.findIn(customers, store)
                    .filter(customer -> !AddressClaim.yieldsToProof(customer, channel));
            if (found.isPresent()) {
                return otp.send(store, OtpAction.LOGIN, destination, found.get(), client);
            }
            if (registerIfNotExists && store.policy().allowsRegistration()) {
                return otp.send(store, OtpAction.REGISTER, destination, null, client);
            }
            return otp.decoy(store, OtpAction.LOGIN, destination, client);
        });
    }
}
