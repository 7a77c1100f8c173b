package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.throttle.LockoutKey;
import java.util.Optional;

/**
 * What a customer signs in with: an email, or a phone normalised to E.164 with the request's
 * {@code country_code} or the store's default.
 */
public record CustomerIdentifier(EmailAddress email, PhoneNumber phone) {

    /** Parses the request's email or phone; exactly one must be given. Field errors go to {@code errors}. */
    public static Optional<CustomerIdentifier> of(
            String email, String phone, String countryCode, Store store, FieldErrors errors) {
        if (email != null && phone != null) {
            errors.add("email", "send either email or phone, not both");
            return Optional.empty();
        }
        if (email != null) {
            return email(email, errors).map(valid -> new CustomerIdentifier(valid, null));
        }
        if (phone != null) {
            return phone(phone, countryCode, store, errors).map(valid -> new CustomerIdentifier(null, valid));
        }
        errors.add("email", "send an email or a phone");
        return Optional.empty();
    }

    /** A request's email, or a field error naming {@code email}. */
    public static Optional<EmailAddress> email(String value, FieldErrors errors) {
        Optional<EmailAddress> parsed = EmailAddress.parse(value);
        if (parsed.isEmpty()) {
            errors.add("email", "must be a valid email address");
        }
        return parsed;
    }

    /** A request's phone in E.164 (its country_code, else the store's default), or a field error naming {@code phone}. */
    public static Optional<PhoneNumber> phone(String value, String countryCode, Store store, FieldErrors errors) {
        Optional<PhoneNumber> parsed =
                PhoneNumber.parse(value, countryCode, store.policy().defaultCountryCode());
        if (parsed.isEmpty()) {
            errors.add("phone", "must be a valid phone number");
        }
        return parsed;
    }

    /** Where a code for this identifier goes over {@code channel} (email, or the phone for SMS and WhatsApp). */
    public Destination destination(OtpChannel channel) {
        return new Destination(channel, email != null ? email.value() : phone.e164());
    }

    /** The lockout key: per store and normalised identifier, hashed. */
    public LockoutKey lockoutKey() {
        return email != null ? LockoutKey.email(email.value()) : LockoutKey.phone(phone.e164());
    }

    public Optional<Customer> findIn(CustomerRepository customers, Store store) {
        return email != null ? customers.findByEmail(store.id(), email) : customers.findByPhone(store.id(), phone);
    }
}
