package com.storefrontauth.api.security;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.store.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/** What the security filters established about a request, read back by the resources. */
public final class Caller {

    static final String STORE = "storefront.admitted-store";
    static final String OPERATOR = "storefront.operator";
    static final String CUSTOMER = "storefront.customer";
    static final String SESSION = "storefront.session";

    private Caller() {}

    /** Records the store a request was admitted to, for admission filters that read other credentials than the key. */
    public static void admit(ContainerRequestContext request, Store store) {
        request.setProperty(STORE, store);
    }

    /** The store a storefront request was admitted to. */
    public static Store store(HttpServletRequest request) {
        return (Store) require(request, STORE);
    }

    /** Who is calling a management route. */
    public static Operator operator(HttpServletRequest request) {
        return (Operator) require(request, OPERATOR);
    }

    /** The signed-in customer of a customer route. */
    public static CustomerId customer(HttpServletRequest request) {
        return (CustomerId) require(request, CUSTOMER);
    }

    /** The session whose access token authenticated a customer route. */
    public static SessionId session(HttpServletRequest request) {
        return (SessionId) require(request, SESSION);
    }

    private static Object require(HttpServletRequest request, String attribute) {
        Object value = request.getAttribute(attribute);
        if (value == null) {
            throw new IllegalStateException("route is missing its security filter: " + attribute);
        }
        return value;
    }
}
