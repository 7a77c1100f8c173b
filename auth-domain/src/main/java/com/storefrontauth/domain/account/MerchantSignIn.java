package com.storefrontauth.domain.account;

import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.store.Store;
import java.util.List;

/** A merchant or admin signed in: who they are, the stores they see, and their tokens. */
public record MerchantSignIn(MerchantAccount account, List<Store> stores, TokenGrant grant) {}
