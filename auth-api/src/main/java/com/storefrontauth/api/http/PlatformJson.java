package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.JsonFactory.JSON;
import static com.storefrontauth.api.http.WireFormat.time;

import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.signing.SigningKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/** The platform admin's shapes of API.md: merchant accounts and signing keys. */
public final class PlatformJson {

    private PlatformJson() {}

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

    public static JsonObject signingKey(SigningKey key, Instant now) {
        return JSON.createObjectBuilder()
                .add("kid", key.kid())
                .add("algorithm", key.algorithm().name())
                .add("status", key.status(now))
                .add("created_at", time(key.createdAt()))
                .add("retired_at", key.retiredAt() == null ? JsonValue.NULL : JSON.createValue(time(key.retiredAt())))
                .build();
    }
}
