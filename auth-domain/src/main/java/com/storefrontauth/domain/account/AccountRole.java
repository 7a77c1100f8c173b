package com.storefrontauth.domain.account;

import java.util.Locale;

/** A platform admin runs the whole installation; a merchant only the stores they belong to. */
public enum AccountRole {
    PLATFORM_ADMIN,
    MERCHANT;

    /** The JWT group of this role. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}
