package com.storefrontauth.domain.access;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.account.MerchantLogin;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The operator behind a merchant or platform-admin access token, as its account is now: a token acts
 * only while its account exists and is active, so disabling an account stops its unexpired tokens at
 * once, on every instance. One primary-key read per management call.
 */
@ApplicationScoped
public class AccountOperators {

    private AccountRepository accounts;
    private Transactions transactions;

    protected AccountOperators() {
        // for CDI proxies
    }

    @Inject
    public AccountOperators(AccountRepository accounts, Transactions transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    public Operator operatorOf(AccountId id) {
        MerchantAccount account = transactions
                .required(() -> accounts.find(id))
                .orElseThrow(
                        () -> new DomainException(ErrorCode.UNAUTHORIZED, "The token's account no longer exists."));
        if (!account.isActive()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled.");
        }
        return MerchantLogin.operatorOf(account);
    }
}
