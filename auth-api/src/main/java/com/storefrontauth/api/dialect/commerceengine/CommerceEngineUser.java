package com.storefrontauth.api.dialect.commerceengine;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.store.Store;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Commerce Engine's {@code user} object for a customer, and its {@code AnonymousUser} for a guest. */
final class CommerceEngineUser {

    private CommerceEngineUser() {}

    static JsonObject of(Customer customer, Store store) {
        JsonArrayBuilder methods = JSON.createArrayBuilder();
        customer.loginMethods().forEach(method -> {
            switch (method) {
                case "password" -> methods.add("password");
                case "email_otp" -> methods.add("email");
                case "phone_otp" -> {
                    methods.add("phone");
                    if (store.policy().whatsappOtpLogin()) {
                        methods.add("whatsapp");
                    }
                }
                default -> {
                    // a method Commerce Engine has no word for stays out of its list
                }
            }
        });
        return JSON.createObjectBuilder()
                .add("id", customer.id().value())
                .add("first_name", nullable(customer.firstName()))
                .add("last_name", nullable(customer.lastName()))
                .add(
                        "email",
                        nullable(
                                customer.email() == null
                                        ? null
                                        : customer.email().value()))
                .add("is_email_verified", customer.emailVerified())
                .add(
                        "phone",
                        nullable(
                                customer.phone() == null
                                        ? null
                                        : customer.phone().nationalNumber()))
                .add(
                        "country_code",
                        nullable(
                                customer.phone() == null
                                        ? null
                                        : customer.phone().callingCode()))
                .add("is_phone_verified", customer.phoneVerified())
                .add("profile_image_url", JsonValue.NULL)
                .add("is_anonymous", false)
                .add("is_logged_in", true)
                .add("login_methods", methods)
                .add("notification_preferences", notificationPreferences())
                .add("customer_id", customer.id().value())
                .add("customer_group_id", JsonValue.NULL)
                .add("customer_group", JsonValue.NULL)
                .add("business", JsonValue.NULL)
                .add("created_at", WireFormat.time(customer.createdAt()))
                .add("modified_at", WireFormat.time(customer.modifiedAt()))
                .build();
    }

    static JsonObject anonymous(Session guest) {
        return JSON.createObjectBuilder()
                .add("id", guest.subject())
                .add("is_anonymous", true)
                .add("is_logged_in", false)
                .add("first_name", JsonValue.NULL)
                .add("last_name", JsonValue.NULL)
                .add("phone", JsonValue.NULL)
                .add("email", JsonValue.NULL)
                .add("is_email_verified", false)
                .add("is_phone_verified", false)
                .add("profile_image_url", JsonValue.NULL)
                .build();
    }

    /** We send only transactional messages (codes), on every channel, and nothing promotional. */
    private static JsonObject notificationPreferences() {
        return JSON.createObjectBuilder()
                .add("transactional", channels(true))
                .add("promotional", channels(false))
                .add("newsletter", channels(false))
                .build();
    }

    private static JsonObjectBuilder channels(boolean sent) {
        return JSON.createObjectBuilder().add("email", sent).add("sms", sent).add("whatsapp", sent);
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }

    /** The envelope of an answer that carries the customer as {@code content.user}. */
    static String answer(Store store, Customer customer, String message) {
        return Envelope.ok(
                message,
                JSON.createObjectBuilder().add("user", of(customer, store)).build());
    }
}
