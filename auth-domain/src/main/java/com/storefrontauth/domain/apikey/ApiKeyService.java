package com.storefrontauth.domain.apikey;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issuing, listing, revoking and checking a store's API keys. Revocation is read on every request. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private ApiKeyRepository keys;
    private StoreAccess access;
    private AuditLog audit;
    private Clock clock;

    protected ApiKeyService() {
        // for CDI proxies
    }

    @Inject
    public ApiKeyService(ApiKeyRepository keys, StoreAccess access, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ApiKey> list(Operator operator, StoreId storeId) {
        access.require(operator, storeId);
        return keys.listActive(storeId);
    }

    public ApiKey.Issued issue(Operator operator, StoreId storeId, ApiKeyType type, String label, ClientInfo client) {
        Store store = access.require(operator, storeId);
        if (type == ApiKeyType.SECRET) {
            // a leaked secret key must not be able to mint the next one and outlive its revocation
            access.requirePerson(operator);
        }
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.length() > ApiKey.MAX_LABEL_LENGTH || cleanLabel.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField(
                    "label", "must be at most " + ApiKey.MAX_LABEL_LENGTH + " characters without control characters");
        }
        ApiKey.Issued issued = ApiKey.issue(store.id(), store.mode(), type, cleanLabel, clock.instant());
        keys.insert(issued.key());
        audit.record(
                storeId,
                AuditEventType.API_KEY_CREATED,
                operator.subject(),
                client,
                Map.of(
                        "key_id",
                        issued.key().id(),
                        "type",
                        type.wireValue(),
                        "key",
                        issued.key().hint()));
        return issued;
    }

    public void revoke(Operator operator, StoreId storeId, String keyId, ClientInfo client) {
        access.require(operator, storeId);
        if (!keys.revoke(storeId, keyId, clock.instant())) {
            throw DomainException.notFound("API key");
        }
        audit.record(storeId, AuditEventType.API_KEY_REVOKED, operator.subject(), client, Map.of("key_id", keyId));
    }

    /** True when the value is an active publishable key of exactly this store. */
    public boolean isPublishableKeyOf(StoreId storeId, String presented) {
        return presented != null
                && presented.startsWith(ApiKeyType.PUBLISHABLE.prefix())
                && keys.findActiveByHash(TokenHash.of(presented))
                        .filter(key -> key.type() == ApiKeyType.PUBLISHABLE
                                && key.store().equals(storeId))
                        .isPresent();
    }

    /** The store a secret key acts for, when the value is an active secret key. */
    public Optional<Operator.SecretKey> authenticateSecret(String presented) {
        if (presented == null || !presented.startsWith(ApiKeyType.SECRET.prefix())) {
            return Optional.empty();
        }
        return keys.findActiveByHash(TokenHash.of(presented))
                .filter(key -> key.type() == ApiKeyType.SECRET)
                .map(key -> new Operator.SecretKey(key.store(), key.id()));
    }
}
