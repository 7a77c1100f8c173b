package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.account.MerchantSignIn;
import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.SignInStep;
import com.storefrontauth.domain.delivery.Outbox;
import com.storefrontauth.domain.delivery.OutboxMessage;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.Store;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** The JSON shapes of API.md, built explicitly so field names and nulls are exactly as documented. */
public final class Representation {

    private Representation() {
    }

    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static JsonObjectBuilder tokens(TokenGrant grant) {
        return JSON.createObjectBuilder()
                .add("status", "authenticated")
                .add("access_token", grant.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", grant.expiresIn())
                .add("refresh_token", grant.refreshToken())
                .add("refresh_expires_in", grant.refreshExpiresIn())
                .add("session_id", grant.session().id().value());
    }

    /** A storefront token response; {@code user} is null for a guest. */
    public static JsonObject storefrontTokens(TokenGrant grant, JsonValue user) {
        return tokens(grant).add("user", user == null ? JsonValue.NULL : user).build();
    }

    /**
     * The OTP challenge response of API.md. The code is echoed only when {@code echo} (a test-mode store
     * asked with {@code X-Debug-Mode: true}); {@code token} is the challenge's handle.
     */
    public static JsonObject challenge(OtpRequired required, String token, boolean echo) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("status", "otp_required")
                .add("otp_token", token)
                .add("otp_action", required.challenge().action().wireValue())
                .add("channel", required.challenge().channel().wireValue())
                .add("destination", required.challenge().destination().masked())
                .add("expires_in", required.expiresIn())
                .add("resend_after", required.resendAfter());
        if (echo) {
            body.add("otp", required.code());
        }
        return body.build();
    }

    /** A sign-in step: tokens, or the challenge to complete first. */
    public static JsonObject signInStep(SignInStep step, boolean echo) {
        if (step.otpRequired() != null) {
            return challenge(step.otpRequired(), step.otpRequired().token(), echo);
        }
        return storefrontTokens(step.signIn().grant(), user(step.signIn().customer()));
    }

    /** The answer to a code that confirmed a signed-in customer's contact: no new session, the updated user. */
    public static JsonObject verified(Customer customer) {
        return JSON.createObjectBuilder().add("status", "verified").add("user", user(customer)).build();
    }

    /** An outbox page entry; text and code are null once they are no longer kept. */
    public static JsonObject outboxEntry(Outbox.Entry entry) {
        OutboxMessage message = entry.message();
        return JSON.createObjectBuilder()
                .add("id", message.id())
                .add("to", message.recipient())
                .add("channel", message.channel().wireValue())
                .add("subject", message.subject())
                .add("body", nullable(entry.text()))
                .add("otp", nullable(entry.code()))
                .add("status", message.status().name().toLowerCase(java.util.Locale.ROOT))
                .add("attempts", message.attempts())
                .add("transport", nullable(message.transport()))
                .add("created_at", time(message.createdAt()))
                .add("delivered_at", message.deliveredAt() == null ? JsonValue.NULL
                        : JSON.createValue(time(message.deliveredAt())))
                .build();
    }

    /** The {@code user} object of API.md. */
    public static JsonObject user(Customer customer) {
        JsonArrayBuilder methods = JSON.createArrayBuilder();
        customer.loginMethods().forEach(methods::add);
        return JSON.createObjectBuilder()
                .add("id", customer.id().value())
                .add("email", nullable(customer.email() == null ? null : customer.email().value()))
                .add("phone", nullable(customer.phone() == null ? null : customer.phone().e164()))
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
        return JSON.createObjectBuilder(user(customer)).add("status", customer.status().wireValue()).build();
    }

    /** A session; {@code current} marks the caller's own when {@code current} is not null. */
    public static JsonObject session(Session session, SessionId current) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("id", session.id().value());
        if (current == null) {
            body.add("customer_id", session.subject());
        }
        body.add("created_at", time(session.createdAt()))
                .add("last_used_at", time(session.lastUsedAt()))
                .add("expires_at", time(session.expiresAt()))
                .add("ip", nullable(session.client() == null ? null : session.client().ip()))
                .add("user_agent", nullable(session.client() == null ? null : session.client().userAgent()));
        if (current != null) {
            body.add("current", session.id().equals(current));
        }
        return body.build();
    }

    public static JsonObject merchantTokens(MerchantSignIn signIn) {
        JsonObject account = JSON.createObjectBuilder()
                .add("id", signIn.account().id().value())
                .add("email", signIn.account().email())
                .add("name", signIn.account().name())
                .add("role", signIn.account().role().group())
                .build();
        JsonArrayBuilder stores = JSON.createArrayBuilder();
        signIn.stores().forEach(store -> stores.add(JSON.createObjectBuilder()
                .add("id", store.id().value())
                .add("name", store.name())
                .add("mode", store.mode().wireValue())
                .add("status", store.status().wireValue())));
        return tokens(signIn.grant()).add("account", account).add("stores", stores).build();
    }

    /** A merchant account as the platform admin manages it. */
    public static JsonObject account(MerchantAccount account) {
        return JSON.createObjectBuilder()
                .add("id", account.id().value())
                .add("email", account.email())
                .add("name", account.name())
                .add("role", account.role().group())
                .add("status", account.status().name().toLowerCase(java.util.Locale.ROOT))
                .add("created_at", time(account.createdAt()))
                .build();
    }

    public static JsonObject store(Store store) {
        return JSON.createObjectBuilder()
                .add("id", store.id().value())
                .add("name", store.name())
                .add("mode", store.mode().wireValue())
                .add("status", store.status().wireValue())
                .add("description", store.profile().description())
                .add("logo_url", store.profile().logoUrl())
                .add("business_address", store.profile().businessAddress())
                .add("contact_phone", store.profile().contactPhone())
                .add("preferred_language", store.profile().preferredLanguage().tag())
                .add("percent", store.commission().percent())
                .add("created_at", time(store.createdAt()))
                .build();
    }

    public static JsonObject policy(LoginPolicy policy) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        policy.asMap().forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                body.add(name, flag);
            } else if (value instanceof Long number) {
                body.add(name, number);
            } else {
                body.add(name, String.valueOf(value));
            }
        });
        return body.build();
    }

    /** A key as listed; a secret key's value never appears, only its hint. */
    public static JsonObject apiKey(ApiKey key) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("id", key.id())
                .add("type", key.type().wireValue())
                .add("label", key.label())
                .add("hint", key.hint())
                .add("created_at", time(key.createdAt()));
        if (key.type() == ApiKeyType.PUBLISHABLE) {
            body.add("key", key.publishableKey());
        }
        return body.build();
    }

    /** A key just issued: the only answer that carries a secret key's value. */
    public static JsonObject issuedApiKey(ApiKey.Issued issued) {
        return JSON.createObjectBuilder(apiKey(issued.key())).add("key", issued.value()).build();
    }

    public static JsonObject corsOrigin(CorsOrigin origin) {
        return JSON.createObjectBuilder()
                .add("id", origin.id())
                .add("origin", origin.origin().toString())
                .add("created_at", time(origin.createdAt()))
                .build();
    }

    public static JsonObject event(AuditEvent event) {
        JsonObjectBuilder details = JSON.createObjectBuilder();
        event.details().forEach(details::add);
        return JSON.createObjectBuilder()
                .add("id", event.id())
                .add("type", event.type().wireValue())
                .add("subject", nullable(event.subject()))
                .add("ip", nullable(event.ip()))
                .add("user_agent", nullable(event.userAgent()))
                .add("details", details)
                .add("occurred_at", time(event.occurredAt()))
                .build();
    }

    public static JsonObject signingKey(SigningKey key, Instant now) {
        return JSON.createObjectBuilder()
                .add("kid", key.kid())
                .add("algorithm", key.algorithm().name())
                .add("status", key.status(now))
                .add("created_at", time(key.createdAt()))
                .add("retired_at", key.retiredAt() == null ? JsonValue.NULL : JSON.createValue(time(key.retiredAt())))
                .build();
    }

    public static <T> JsonObject page(Page<T> page, Function<T, JsonObject> item) {
        return JSON.createObjectBuilder()
                .add("items", list(page.items(), item))
                .add("page", page.page())
                .add("size", page.size())
                .add("total", page.total())
                .build();
    }

    public static <T> JsonArrayBuilder list(List<T> items, Function<T, JsonObject> item) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(value -> array.add(item.apply(value)));
        return array;
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }
}
