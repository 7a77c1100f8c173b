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
 * "Forgot password": a {@code reset_password} code to the email (or by SMS to the phone) the customer
 * signs in with. Unknown identifiers get a decoy, so the answer never tells whether an account exists.
 */
@ApplicationScoped
public class PasswordReset {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerOtp otp;

    @Inject
    Transactions transactions;

    public OtpRequired start(Store store, CustomerIdentifier identifier, ClientInfo client) {
        if (!store.policy().passwordLogin()) {
            throw new DomainException(ErrorCode.LOGIN_METHOD_DISABLED, "This store does not use passwords.");
        }
        Destination destination = identifier.destination(identifier.email() != null ? OtpChannel.EMAIL : OtpChannel.SMS);
        otp.requireChannelUp(destination.channel());
        return transactions.required(() -> {
            Optional<Customer> found = identifier.findIn(customers, store)
                    .filter(customer -> !AddressClaim.yieldsToProof(customer, destination.channel()));
            return found.isPresent()
                    ? otp.send(store, OtpAction.RESET_PASSWORD, destination, found.get(), client)
                    : otp.decoy(store, OtpAction.RESET_PASSWORD, destination, client);
        });
    }
}
