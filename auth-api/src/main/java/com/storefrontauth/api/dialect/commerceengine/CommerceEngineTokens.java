package com.storefrontauth.api.dialect.commerceengine;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.session.TokenGrant;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens as Commerce Engine hands them out. Its SDK decides whether a refresh token is still worth
 * presenting by reading {@code exp} from it as from a JWT, and otherwise drops the customer back to an
 * anonymous session; our refresh tokens are opaque, so they travel as {@code header.claims.token}: the
 * claims carry {@code exp} for the client to read, and the server reads only the opaque token after the
 * last dot (nothing in the first two parts is trusted).
 */
final class CommerceEngineTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            encode(JSON.createObjectBuilder().add("typ", "opaque").build());

    private CommerceEngineTokens() {}

    /** {@code {user, access_token, refresh_token}}; {@code user} is left out when null. */
    static JsonObject content(TokenGrant grant, JsonValue user) {
        JsonObjectBuilder content = JSON.createObjectBuilder();
        if (user != null) {
            content.add("user", user);
        }
        return content.add("access_token", grant.accessToken())
                .add("refresh_token", carried(grant))
                .build();
    }

    private static String carried(TokenGrant grant) {
        // the expiry is a hint for the client only; the session's own expiry is what the server enforces
        long exp = Instant.now().getEpochSecond() + grant.refreshExpiresIn();
        return HEADER + "." + encode(JSON.createObjectBuilder().add("exp", exp).build()) + "." + grant.refreshToken();
    }

    /** The opaque refresh token a client presented, whether carried as above or sent bare. */
    static String presented(String wire) {
        return wire.substring(wire.lastIndexOf('.') + 1);
    }

    private static String encode(JsonObject json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
