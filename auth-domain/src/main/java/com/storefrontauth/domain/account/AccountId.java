package com.storefrontauth.domain.account;

import com.storefrontauth.domain.shared.PublicId;

public record AccountId(String value) {

    public static final String PREFIX = "acc_";

    public AccountId {
        PublicId.require(value, PREFIX);
    }

    public static AccountId generate() {
        return new AccountId(PublicId.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
