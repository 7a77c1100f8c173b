package com.storefrontauth.domain.throttle;

import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.TokenHash;

/**
 * What a lockout counts password attempts against: an email or phone typed at a store's sign-in, a
 * signed-in customer re-entering their password, or a merchant account's email (which belongs to no
 * store). Only the hash is stored, never the identifier.
 */
public record LockoutKey(Kind kind, TokenHash hash) {

    public enum Kind {
        EMAIL,
        PHONE,
        CUSTOMER,
        ACCOUNT
    }

    /** A normalised customer email ({@link EmailAddress#value()}). */
    public static LockoutKey email(String normalisedEmail) {
        return of(Kind.EMAIL, "email", normalisedEmail);
    }

    /** A customer phone number in E.164. */
    public static LockoutKey phone(String e164) {
        return of(Kind.PHONE, "phone", e164);
    }

    /** A signed-in customer's own password check, by customer id. */
    public static LockoutKey customer(String customerId) {
        return of(Kind.CUSTOMER, "customer", customerId);
    }

    /** A merchant or platform-admin account by the email as typed; one that does not parse counts under "". */
    public static LockoutKey account(String email) {
        return of(
                Kind.ACCOUNT,
                "account",
                EmailAddress.parse(email).map(EmailAddress::value).orElse(""));
    }

    public boolean isAccount() {
        return kind == Kind.ACCOUNT;
    }

    private static LockoutKey of(Kind kind, String prefix, String identifier) {
        return new LockoutKey(kind, TokenHash.of(prefix + ":" + identifier));
    }
}
