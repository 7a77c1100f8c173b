package com.storefrontauth.domain.account;

import com.storefrontauth.domain.session.Session;

/** The active merchant account behind a presented opaque access token, and the token's session. */
public record MerchantTokenSession(MerchantAccount account, Session session) {}
