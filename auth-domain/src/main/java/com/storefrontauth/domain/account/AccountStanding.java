package com.storefrontauth.domain.account;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * The platform admin disables a merchant account and enables it again. A disabled account cannot sign
 * in, and its tokens, refresh tokens and console sessions are refused while it stays disabled (they
 * are checked against the account, not revoked). Platform admin accounts cannot be disabled, so the
 * installation always keeps someone who can undo it.
 */
@ApplicationScoped
@Transactional
public class AccountStanding {

    private AccountRepository accounts;
    private StoreAccess access;
    private AuditLog audit;

    protected AccountStanding() {
        // for CDI proxies
    }

    @Inject
    public AccountStanding(AccountRepository accounts, StoreAccess access, AuditLog audit) {
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
    }

    public MerchantAccount change(Operator operator, AccountId id, AccountStatus status, ClientInfo client) {
        access.requirePlatformAdmin(operator);
        if (status != AccountStatus.ACTIVE && status != AccountStatus.DISABLED) {
            throw DomainException.invalidField("status", "must be active or disabled");
        }
        MerchantAccount account = accounts.find(id).orElseThrow(() -> DomainException.notFound("account"));
        if (account.isPlatformAdmin()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A platform admin account cannot be disabled.");
        }
        if (account.status() != status) {
            accounts.updateStatus(id, status);
            audit.record(
                    null,
                    status == AccountStatus.DISABLED ? AuditEventType.ACCOUNT_DISABLED : AuditEventType.ACCOUNT_ENABLED,
                    operator.subject(),
                    client,
                    Map.of("account_id", id.value()));
        }
        return accounts.find(id).orElseThrow();
    }
}
