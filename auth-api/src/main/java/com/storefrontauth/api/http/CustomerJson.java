package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.JsonFactory.JSON;
import static com.storefrontauth.api.http.WireFormat.nullable;
import static com.storefrontauth.api.http.WireFormat.time;

import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The customer shapes of API.md: the {@code user} object, a customer as operators see it, and sessions. */
public final class CustomerJson {

    private CustomerJson() {}

    /** The {@code user} object of API.md. */
    public static JsonObject user(Customer customer) {
        JsonArrayBuilder methods = JSON.createArrayBuilder();
        customer.loginMethods().forEach(methods::add);
        return JSON.createObjectBuilder()
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
                .add("first_name", nullable(customer.firstName()))
                .add("last_name", nullable(customer.lastName()))
                .add("is_email_verified", customer.emailVerified())
                .add("is_phone_verified", customer.phoneVerified())
                .add("login_methods", methods)
                .add("created_at", time(customer.createdAt()))
                .add("modified_at", time(customer.modifiedAt()))
                .build();
    }

    /** A customer as operators see it: the user object and the account status. */
    public static JsonObject customer(Customer customer) {
        return JSON.createObjectBuilder(user(customer))
                .add("status", customer.status().wireValue())
                .build();
    }

    /** The answer to a code that confirmed a signed-in customer's contact: no new session, the updated user. */
    public static JsonObject verified(Customer customer) {
        return JSON.createObjectBuilder()
                .add("status", "verified")
                .add("user", user(customer))
                .build();
    }

    /** A session; {@code current} marks the caller's own when {@code current} is not null. */
    public static JsonObject session(Session session, SessionId current) {
        JsonObjectBuilder body =
                JSON.createObjectBuilder().add("id", session.id().value());
        if (current == null) {
            body.add("customer_id", session.subject());
        }
        body.add("created_at", time(session.createdAt()))
                .add("last_used_at", time(session.lastUsedAt()))
                .add("expires_at", time(session.expiresAt()))
                .add(
                        "ip",
                        nullable(
                                session.client() == null
                                        ? null
                                        : session.client().ip()))
                .add(
                        "user_agent",
                        nullable(
                                session.client() == null
                                        ? null
                                        : session.client().userAgent()));
        if (current != null) {
            body.add("current", session.id().equals(current));
        }
        return body.build();
    }
}
