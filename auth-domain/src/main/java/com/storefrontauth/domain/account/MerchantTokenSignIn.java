package com.storefrontauth.domain.account;

import com.storefrontauth.domain.session.OpaqueGrant;
import com.storefrontauth.domain.store.Store;
import java.util.List;

/** A merchant signed in with an opaque access token: who they are, the stores they see, and the token. */
public record MerchantTokenSignIn(MerchantAccount account, List<Store> stores, OpaqueGrant token) {}
