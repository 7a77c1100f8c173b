package com.storefrontauth.api.jwt;

import com.storefrontauth.domain.session.SessionId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The claims of an access token whose signature, issuer and expiry MP-JWT has checked. */
public record VerifiedToken(
        String subject,
        List<String> audience,
        String storeId,
        SessionId sessionId,
        List<String> groups,
        String anonymousId) {

    public boolean hasGroup(String group) {
        return groups.contains(group);
    }

    /** Our claims of a token MP-JWT accepted; empty when there is none or it lacks what our tokens always carry. */
    public static Optional<VerifiedToken> of(JsonWebToken token) {
        if (token == null || token.getRawToken() == null || token.getSubject() == null) {
            return Optional.empty();
        }
        Set<String> audience = token.getAudience();
        Set<String> groups = token.getGroups();
        Optional<SessionId> session = SessionId.parse(text(token, "sid"));
        if (audience == null || audience.isEmpty() || groups == null || session.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedToken(
                token.getSubject(),
                List.copyOf(audience),
                text(token, "store_id"),
                session.get(),
                List.copyOf(groups),
                text(token, "anonymous_id")));
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value instanceof String plain ? plain : null;
    }
}
