package com.storefrontauth.admin;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.MerchantAccount;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * Who is signed in to the console. The console keeps its own HTTP session (MP-JWT owns the application's
 * Jakarta Security mechanism); {@link ConsoleGate} refuses every console page without it.
 */
@Named
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String accountId;
    private String email;
    private String name;
    private boolean platformAdmin;
    private String credentialStamp;
    private Instant signedInAt;

    void signIn(MerchantAccount account, Instant now) {
        accountId = account.id().value();
        signedInAt = now;
        credentialStamp = account.credentialStamp();
        email = account.email();
        name = account.name();
        platformAdmin = account.isPlatformAdmin();
    }

    public boolean isSignedIn() {
        return accountId != null;
    }

    /** Remembers the account's password as changed (or rehashed) from this session, which stays signed in. */
    void rememberCredential(MerchantAccount account) {
        credentialStamp = account.credentialStamp();
    }

    AccountId accountId() {
        return new AccountId(accountId);
    }

    String credentialStamp() {
        return credentialStamp;
    }

    Instant signedInAt() {
        return signedInAt;
    }

    /** The operator the domain services check every store access against. */
    public Operator operator() {
        AccountId id = accountId();
        return platformAdmin ? new Operator.PlatformAdmin(id) : new Operator.Merchant(id);
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public boolean isPlatformAdmin() {
        return platformAdmin;
    }
}
