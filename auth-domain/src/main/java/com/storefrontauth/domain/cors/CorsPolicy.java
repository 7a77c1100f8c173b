package com.storefrontauth.domain.cors;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.StoreDirectory;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A store's CORS allow-list: managed by its operators, consulted on every storefront request. */
@ApplicationScoped
@Transactional
public class CorsPolicy {

    private CorsOriginRepository origins;
    private StoreAccess access;
    private AuditLog audit;
    private StoreDirectory directory;
    private Clock clock;

    protected CorsPolicy() {
        // for CDI proxies
    }

    @Inject
    public CorsPolicy(
            CorsOriginRepository origins, StoreAccess access, AuditLog audit, StoreDirectory directory, Clock clock) {
        this.origins = origins;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<CorsOrigin> list(Operator operator, StoreId storeId) {
        access.require(operator, storeId);
        return origins.list(storeId);
    }

    public CorsOrigin allow(Operator operator, StoreId storeId, String origin, ClientInfo client) {
        access.require(operator, storeId);
        OriginPattern pattern = OriginPattern.parse(origin)
                .orElseThrow(() -> DomainException.invalidField(
                        "origin", "must be scheme://host[:port] with no path, or https://*.example.com"));
        if (origins.list(storeId).stream()
                .anyMatch(existing -> existing.origin().equals(pattern))) {
            throw DomainException.invalidField("origin", "is already allowed");
        }
        CorsOrigin allowed = CorsOrigin.allow(storeId, pattern, clock.instant());
        origins.insert(allowed);
        directory.forget(storeId);
        audit.record(
                storeId,
                AuditEventType.CORS_ORIGIN_ADDED,
                operator.subject(),
                client,
                Map.of("origin_id", allowed.id(), "origin", pattern.toString()));
        return allowed;
    }

    public void remove(Operator operator, StoreId storeId, String originId, ClientInfo client) {
        access.require(operator, storeId);
        if (!origins.delete(storeId, originId)) {
            throw DomainException.notFound("CORS origin");
        }
        directory.forget(storeId);
        audit.record(
                storeId, AuditEventType.CORS_ORIGIN_REMOVED, operator.subject(), client, Map.of("origin_id", originId));
    }
}
