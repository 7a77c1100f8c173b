package com.storefrontauth.domain.integration;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyRepository;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.cors.CorsOriginRepository;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;

/** A store's Integrate page: how its storefront and back end connect, for the store's operator only. */
@ApplicationScoped
public class StoreIntegration {

    private StoreAccess access;
    private ApiKeyRepository keys;
    private CorsOriginRepository origins;
    private Transactions transactions;

    protected StoreIntegration() {
        // for CDI proxies
    }

    @Inject
    public StoreIntegration(
            StoreAccess access, ApiKeyRepository keys, CorsOriginRepository origins, Transactions transactions) {
        this.access = access;
        this.keys = keys;
        this.origins = origins;
        this.transactions = transactions;
    }

    /** {@code baseUrl}: where this server is reached; {@code issuer}: the tokens' configured issuer. */
    public Integration of(Operator operator, StoreId storeId, String baseUrl, String issuer) {
        return transactions.required(() -> {
            access.require(operator, storeId);
            String key = keys.listActive(storeId).stream()
                    .filter(k -> k.type() == ApiKeyType.PUBLISHABLE)
                    .max(Comparator.comparing(ApiKey::createdAt))
                    .map(ApiKey::publishableKey)
                    .orElse(null);
            return new Integration(
                    storeId,
                    key,
                    origins.list(storeId).stream()
                            .map(origin -> origin.origin().toString())
                            .toList(),
                    new IntegrationSnippets(baseUrl, storeId, key, issuer).all());
        });
    }
}
