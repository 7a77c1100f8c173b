package com.storefrontauth.domain.session;

/** Signs access tokens with the current signing key (implemented with a JOSE library outside the domain). */
public interface AccessTokenIssuer {

    String issue(AccessTokenClaims claims);
}
