package com.storefrontauth.domain.apikey;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void insert(ApiKey key);

    List<ApiKey> listActive(StoreId store);

    /** @return whether an active key of that store was revoked */
    boolean revoke(StoreId store, String keyId, Instant at);

    Optional<ApiKey> findActiveByHash(TokenHash hash);
}
