package com.storefrontauth.api.security;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.store.Store;
import jakarta.servlet.http.HttpServletRequest;

/** What the security filters established about a request, read back by the resources. */
public final class Caller {

    static final String STORE = "storefront.admitted-store";
    static final String OPERATOR = "storefront.operator";

    private Caller() {
    }

    /** The store a storefront request was admitted to. */
    public static Store store(HttpServletRequest request) {
        return (Store) require(request, STORE);
    }

    /** Who is calling a management route. */
    public static Operator operator(HttpServletRequest request) {
        return (Operator) require(request, OPERATOR);
    }

    private static Object require(HttpServletRequest request, String attribute) {
        Object value = request.getAttribute(attribute);
        if (value == null) {
            throw new IllegalStateException("route is missing its security filter: " + attribute);
        }
        return value;
    }
}
