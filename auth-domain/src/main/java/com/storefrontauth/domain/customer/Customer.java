package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A storefront's customer, known by email and/or phone within exactly one store (the same email in
 * two stores is two customers). A disabled customer cannot sign in.
 */
public class Customer {

    static final int MAX_NAME_LENGTH = 100;

    private final CustomerId id;
    private final StoreId store;
    private EmailAddress email;
    private PhoneNumber phone;
    private String firstName;
    private String lastName;
    private String passwordHash;
    private boolean emailVerified;
    private boolean phoneVerified;
    private CustomerStatus status;
    private final Instant createdAt;
    private Instant modifiedAt;

    public Customer(
            CustomerId id,
            StoreId store,
            EmailAddress email,
            PhoneNumber phone,
            String firstName,
            String lastName,
            String passwordHash,
            boolean emailVerified,
            boolean phoneVerified,
            CustomerStatus status,
            Instant createdAt,
            Instant modifiedAt) {
        this.id = id;
        this.store = store;
        this.email = email;
        this.phone = phone;
        this.firstName = firstName;
        this.lastName = lastName;
        this.passwordHash = passwordHash;
        this.emailVerified = emailVerified;
        this.phoneVerified = phoneVerified;
        this.status = status;
        this.createdAt = createdAt;
        this.modifiedAt = modifiedAt;
    }

    public static Customer register(
            StoreId store,
            EmailAddress email,
            PhoneNumber phone,
            String firstName,
            String lastName,
            String passwordHash,
            Instant now) {
        return new Customer(
                CustomerId.generate(),
                store,
                email,
                phone,
                validName("first_name", firstName),
                validName("last_name", lastName),
                passwordHash,
                false,
                false,
                CustomerStatus.ACTIVE,
                now,
                now);
    }

    /** Names are optional, trimmed, at most 100 characters and free of control characters. */
    public static String validName(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField(
                    field, "must be at most " + MAX_NAME_LENGTH + " characters without control characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public void rename(String newFirstName, String newLastName, boolean changeFirst, boolean changeLast, Instant now) {
        if (changeFirst) {
            firstName = validName("first_name", newFirstName);
        }
        if (changeLast) {
            lastName = validName("last_name", newLastName);
        }
        modifiedAt = now;
    }

    public void replacePasswordHash(String newHash, Instant now) {
        passwordHash = newHash;
        modifiedAt = now;
    }

    public void changeStatus(CustomerStatus newStatus, Instant now) {
        status = newStatus;
        modifiedAt = now;
    }

    /** A code delivered to the address proves the customer controls it. */
    public void confirmEmail(Instant now) {
        emailVerified = true;
        modifiedAt = now;
    }

    public void confirmPhone(Instant now) {
        phoneVerified = true;
        modifiedAt = now;
    }

    /** Replaces the email with one the customer has just proved they control. */
    public void replaceEmail(EmailAddress newEmail, Instant now) {
        email = newEmail;
        emailVerified = true;
        modifiedAt = now;
    }

    public void replacePhone(PhoneNumber newPhone, Instant now) {
        phone = newPhone;
        phoneVerified = true;
        modifiedAt = now;
    }

    /** Whether the address a code over {@code channel} reaches (the email, or the phone) is proved. */
    public boolean isVerified(OtpChannel channel) {
        return channel == OtpChannel.EMAIL ? email != null && emailVerified : phone != null && phoneVerified;
    }

    /** Whether the contact other than the one {@code channel} reaches is present and proved. */
    public boolean hasVerifiedContactBesides(OtpChannel channel) {
        return channel == OtpChannel.EMAIL ? phone != null && phoneVerified : email != null && emailVerified;
    }

    /** Takes the address {@code channel} reaches off the account; the other contact remains. */
    public void release(OtpChannel channel, Instant now) {
        if (channel == OtpChannel.EMAIL) {
            email = null;
            emailVerified = false;
        } else {
            phone = null;
            phoneVerified = false;
        }
        modifiedAt = now;
    }

    public void removePassword(Instant now) {
        passwordHash = null;
        modifiedAt = now;
    }

    public boolean hasVerifiedContact() {
        return (email != null && emailVerified) || (phone != null && phoneVerified);
    }

    public boolean isDisabled() {
        return status == CustomerStatus.DISABLED;
    }

    /** The sign-in methods this customer can use, as the {@code user} object shows them. */
    public List<String> loginMethods() {
        List<String> methods = new ArrayList<>();
        if (passwordHash != null) {
            methods.add("password");
        }
        if (email != null) {
            methods.add("email_otp");
        }
        if (phone != null) {
            methods.add("phone_otp");
        }
        return methods;
    }

    public CustomerId id() {
        return id;
    }

    public StoreId store() {
        return store;
    }

    public EmailAddress email() {
        return email;
    }

    public PhoneNumber phone() {
        return phone;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public boolean phoneVerified() {
        return phoneVerified;
    }

    public CustomerStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }
}
