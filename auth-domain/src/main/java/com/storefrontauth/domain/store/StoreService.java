package com.storefrontauth.domain.store;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.platform.PlatformLimitsService;
import com.storefrontauth.domain.shared.ClientInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opening, changing and reading stores and their login policy, as an operator may. */
@ApplicationScoped
@Transactional
public class StoreService {

    private StoreRepository stores;
    private AccountRepository accounts;
    private StoreAccess access;
    private AuditLog audit;
    private StoreDirectory directory;
    private PlatformLimitsService limits;
    private Clock clock;

    protected StoreService() {
        // for CDI proxies
    }

    @Inject
    public StoreService(
            StoreRepository stores,
            AccountRepository accounts,
            StoreAccess access,
            AuditLog audit,
            StoreDirectory directory,
            PlatformLimitsService limits,
            Clock clock) {
        this.directory = directory;
        this.limits = limits;
        this.stores = stores;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Store> list(Operator operator) {
        return access.visibleTo(operator);
    }

    public Store open(Operator operator, String name, StoreMode mode, ClientInfo client) {
        access.requirePerson(operator);
        Store store = Store.open(name, mode, clock.instant());
        stores.insert(store);
        if (operator instanceof Operator.Merchant merchant) {
            accounts.addMembership(merchant.account(), store.id());
        }
        audit.record(
                store.id(),
                AuditEventType.STORE_CREATED,
                operator.subject(),
                client,
                Map.of("name", store.name(), "mode", store.mode().wireValue()));
        return store;
    }

    public Store get(Operator operator, StoreId id) {
        return access.require(operator, id);
    }

    public Store change(Operator operator, StoreId id, StoreChange change, ClientInfo client) {
        Store store = access.require(operator, id);
        Map<String, String> details = new LinkedHashMap<>();
        if (change.name() != null) {
            store.rename(change.name());
            details.put("name", store.name());
        }
        if (change.mode() == StoreMode.TEST && store.mode() == StoreMode.LIVE) {
            // a leaked secret key must not be able to make a live store echo codes and use the dev outbox
            access.requirePerson(operator);
        }
        if (change.mode() != null) {
            store.switchTo(change.mode());
            details.put("mode", change.mode().wireValue());
        }
        if (change.status() != null) {
            store.changeStatus(change.status(), operator instanceof Operator.PlatformAdmin);
            details.put("status", change.status().wireValue());
        }
        if (!change.profile().isEmpty()) {
            store.describe(change.profile());
            // names only: free text does not belong in the audit trail
            details.put("profile", String.join(",", change.profile().fields()));
        }
        if (change.commissionPercent() != null) {
            access.requirePlatformAdmin(operator);
            store.chargeCommission(CommissionRate.of(change.commissionPercent()));
            details.put("percent", store.commission().percent().toPlainString());
        }
        stores.update(store);
        directory.forget(store.id());
        audit.record(store.id(), AuditEventType.STORE_UPDATED, operator.subject(), client, details);
        return store;
    }

    /** The policy in effect: the store's own, inside the platform limits of the moment. */
    public LoginPolicy policy(Operator operator, StoreId id) {
        return access.require(operator, id).policy().within(limits.current());
    }

    /**
     * Merchants and store keys set values inside the platform limits; the platform admin, who sets those
     * limits, may grant one store more (a value past a limit holds for that store only, whatever the limit
     * becomes, until someone changes that field again).
     */
    public LoginPolicy amendPolicy(Operator operator, StoreId id, Map<String, Object> changes, ClientInfo client) {
        Store store = access.require(operator, id);
        LoginPolicy stored = store.policy();
        LoginPolicy amended = operator instanceof Operator.PlatformAdmin
                ? stored.grant(changes, limits.current())
                : stored.amend(changes, limits.current());
        store.replacePolicy(amended);
        stores.update(store);
        directory.forget(store.id());
        Map<String, String> details = new LinkedHashMap<>();
        changes.keySet()
                .forEach(field ->
                        details.put(field, String.valueOf(amended.asMap().get(field))));
        if (!amended.granted().equals(stored.granted())) {
            details.put("platform_grants", String.join(",", amended.granted()));
        }
        audit.record(store.id(), AuditEventType.LOGIN_POLICY_UPDATED, operator.subject(), client, details);
        return amended.within(limits.current());
    }
}
