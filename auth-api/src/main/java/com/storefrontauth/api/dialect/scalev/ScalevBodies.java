package com.storefrontauth.api.dialect.scalev;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.store.Store;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Scalev's bodies for what the domain answers: the token body, the message body, the customer account. */
final class ScalevBodies {

    private ScalevBodies() {}

    /** {@code CustomerAuthTokenResponseBody}; the store's unique id is ours. */
    static JsonObject tokens(TokenGrant grant, Store store) {
        return JSON.createObjectBuilder()
                .add("access", grant.accessToken())
                .add("refresh", grant.refreshToken())
                .add("token_type", "Bearer")
                .add("expires_in", grant.expiresIn())
                .add("refresh_expires_in", grant.refreshExpiresIn())
                .add("store_unique_id", store.id().value())
                .build();
    }

    static JsonObject message(String text) {
        return JSON.createObjectBuilder().add("message", text).build();
    }

    /**
     * The account of {@code /customers/me}. {@code is_generated_password_reset} is true while the customer
     * has no password of their own (signed up by code), the case where Scalev asks for one to be set.
     */
    static JsonObject account(Customer customer, Store store) {
        return JSON.createObjectBuilder()
                .add(
                        "customer",
                        JSON.createObjectBuilder()
                                .add("id", customer.id().value())
                                .add(
                                        "email",
                                        nullable(
                                                customer.email() == null
                                                        ? null
                                                        : customer.email().value()))
                                .add(
                                        "phone",
                                        nullable(
                                                customer.phone() == null
                                                        ? null
                                                        : customer.phone().e164()))
                                .add("name", nullable(fullName(customer)))
                                .add("first_name", nullable(customer.firstName()))
                                .add("last_name", nullable(customer.lastName()))
                                .add("is_email_verified", customer.emailVerified())
                                .add("is_phone_verified", customer.phoneVerified())
                                .add("created_at", WireFormat.time(customer.createdAt())))
                .add(
                        "store",
                        JSON.createObjectBuilder()
                                .add("unique_id", store.id().value())
                                .add("name", store.name())
                                .add("is_customer_otp_required", store.policy().otpAfterPassword()))
                .add("is_generated_password_reset", customer.passwordHash() == null)
                .build();
    }

    private static String fullName(Customer customer) {
        String joined = ((customer.firstName() == null ? "" : customer.firstName()) + " "
                        + (customer.lastName() == null ? "" : customer.lastName()))
                .strip();
        return joined.isEmpty() ? null : joined;
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }
}
