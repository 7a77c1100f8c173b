package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.JsonFactory.JSON;
import static com.storefrontauth.api.http.WireFormat.nullable;
import static com.storefrontauth.api.http.WireFormat.time;

import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.audit.AuditEvent;
import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.delivery.Outbox;
import com.storefrontauth.domain.delivery.OutboxMessage;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.Store;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** The management API's shapes of API.md: stores, login policy, API keys, CORS origins, audit events, outbox. */
public final class ManagementJson {

    private ManagementJson() {}

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
        return JSON.createObjectBuilder(apiKey(issued.key()))
                .add("key", issued.value())
                .build();
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
                .add(
                        "delivered_at",
                        message.deliveredAt() == null ? JsonValue.NULL : JSON.createValue(time(message.deliveredAt())))
                .build();
    }
}
