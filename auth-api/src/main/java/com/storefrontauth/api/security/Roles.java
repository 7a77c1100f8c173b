package com.storefrontauth.api.security;

/**
 * The roles of {@code @RolesAllowed}: a token's {@code groups} (one per
 * {@link com.storefrontauth.domain.session.SubjectKind}) and a secret key's role.
 */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String GUEST = "anonymous";
    public static final String MERCHANT = "merchant";
    public static final String PLATFORM_ADMIN = "platform_admin";
    public static final String SECRET_KEY = "secret_key";

    private Roles() {}
}
