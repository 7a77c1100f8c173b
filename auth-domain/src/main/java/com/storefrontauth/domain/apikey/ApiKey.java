package com.storefrontauth.domain.apikey;

import com.storefrontauth.domain.shared.PublicId;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import java.time.Instant;

/**
 * A store's API key. Only its hash is kept; a publishable key is public by nature (it ships in the
 * storefront's JavaScript), so it is also kept readable for the key list, a secret key never is.
 */
public record ApiKey(
        String id,
        StoreId store,
        ApiKeyType type,
        String label,
        TokenHash hash,
        String publishableKey,
        String hint,
        Instant createdAt,
        Instant revokedAt) {

    public static final String ID_PREFIX = "key_";
    static final int MAX_LABEL_LENGTH = 100;

    /** A new key and its value, which the caller sees exactly once. */
    public record Issued(ApiKey key, String value) {}

    public static Issued issue(StoreId store, StoreMode mode, ApiKeyType type, String label, Instant now) {
        String value = RandomSecret.generate(type.prefix() + mode.wireValue() + "_");
        String hint =
                value.substring(0, type.prefix().length() + mode.wireValue().length() + 1) + "…"
                        + value.substring(value.length() - 4);
        ApiKey key = new ApiKey(
                PublicId.generate(ID_PREFIX),
                store,
                type,
                label,
                TokenHash.of(value),
                type == ApiKeyType.PUBLISHABLE ? value : null,
                hint,
                now,
                null);
        return new Issued(key, value);
    }

    public boolean isActive() {
        return revokedAt == null;
    }
}
