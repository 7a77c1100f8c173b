package com.storefrontauth.domain.session;

import java.util.Locale;

/** Whose session it is; each kind carries exactly one JWT group. */
public enum SubjectKind {
    CUSTOMER("customer"),
    GUEST("anonymous"),
    MERCHANT("merchant"),
    PLATFORM_ADMIN("platform_admin");

    private final String group;

    SubjectKind(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public boolean isStorefront() {
        return this == CUSTOMER || this == GUEST;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
