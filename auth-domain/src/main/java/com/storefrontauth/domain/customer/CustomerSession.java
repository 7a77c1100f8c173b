package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.session.Session;

/** A customer's session as an operator lists it: with the customer it belongs to (null once erased). */
public record CustomerSession(Session session, Customer customer) {}
