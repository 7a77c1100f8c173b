package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.session.TokenGrant;

/** A customer with the tokens of their new (or refreshed) session. */
public record CustomerSignIn(Customer customer, TokenGrant grant) {}
