package com.storefrontauth.domain.customer;

/**
 * The guest a sign-in came from (its {@code anon_…} subject), so tokens can carry {@code anonymous_id}
 * and the storefront can merge the guest's cart. Null when the request carried no guest token.
 */
public record GuestLink(String anonymousId) {

    public static final GuestLink NONE = new GuestLink(null);
}
