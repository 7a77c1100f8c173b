package com.storefrontauth.api.dialect.commerceengine;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Commerce Engine takes a new customer's names when a code sign-up starts ({@code register/email|phone|whatsapp})
 * and nothing but the code when it ends ({@code verify-otp}), where our verification takes them. The names
 * therefore travel with the challenge's token, as {@code otp_….<base64url JSON>}, and come back to the
 * verification as if the client had sent them there; they are the client's own words either way.
 */
final class SignUpNames {

    private SignUpNames() {}

    /** What a client sent back as {@code otp_token}: the challenge's own token and the names it carried. */
    record Presented(String token, String firstName, String lastName) {}

    static String attach(String token, String firstName, String lastName) {
        if (firstName == null && lastName == null) {
            return token;
        }
        JsonObject names = JSON.createObjectBuilder()
                .add("first_name", firstName == null ? JsonValue.NULL : JSON.createValue(firstName))
                .add("last_name", lastName == null ? JsonValue.NULL : JSON.createValue(lastName))
                .build();
        return token + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(names.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the names part cannot be read back (the client changed the token). */
    static Optional<Presented> read(String wire) {
        int dot = wire.indexOf('.');
        if (dot < 0) {
            return Optional.of(new Presented(wire, null, null));
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(wire.substring(dot + 1)), StandardCharsets.UTF_8);
            // read like a request body, so a hostile names part meets the same limits as one
            JsonRequest names = JsonRequest.parse(json);
            return Optional.of(new Presented(
                    wire.substring(0, dot), names.optionalString("first_name"), names.optionalString("last_name")));
        } catch (IllegalArgumentException | DomainException e) {
            return Optional.empty();
        }
    }
}
