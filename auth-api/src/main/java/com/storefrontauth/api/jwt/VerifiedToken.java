package com.storefrontauth.api.jwt;

import com.storefrontauth.domain.session.SessionId;
import java.util.List;

/** The claims of an access token whose signature, issuer and expiry have been checked. */
public record VerifiedToken(String subject, List<String> audience, String storeId, SessionId sessionId,
        List<String> groups, String anonymousId) {

    public boolean hasGroup(String group) {
        return groups.contains(group);
    }
}
