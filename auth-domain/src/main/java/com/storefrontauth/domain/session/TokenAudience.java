package com.storefrontauth.domain.session;

/** The {@code aud} of tokens that are not bound to one store: merchant and platform-admin tokens. */
public final class TokenAudience {

    public static final String MANAGEMENT = "management";

    private TokenAudience() {}
}
