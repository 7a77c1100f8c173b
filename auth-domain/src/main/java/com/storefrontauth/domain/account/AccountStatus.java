package com.storefrontauth.domain.account;

public enum AccountStatus {
    INACTIVE,
    ACTIVE,
    DISABLED
}
