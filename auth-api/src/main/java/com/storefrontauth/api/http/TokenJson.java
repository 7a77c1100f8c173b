package com.storefrontauth.api.http;

import static com.storefrontauth.api.http.CustomerJson.user;
import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.account.MerchantSignIn;
import com.storefrontauth.domain.customer.SignInStep;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.TokenGrant;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** The token and code-challenge answers of API.md: storefront and merchant sign-in, refresh, OTP steps. */
public final class TokenJson {

    private TokenJson() {}

    private static JsonObjectBuilder tokens(TokenGrant grant) {
        return JSON.createObjectBuilder()
                .add("status", "authenticated")
                .add("access_token", grant.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", grant.expiresIn())
                .add("refresh_token", grant.refreshToken())
                .add("refresh_expires_in", grant.refreshExpiresIn())
                .add("session_id", grant.session().id().value());
    }

    /** A storefront token response; {@code user} is null for a guest. */
    public static JsonObject storefrontTokens(TokenGrant grant, JsonValue user) {
        return tokens(grant).add("user", user == null ? JsonValue.NULL : user).build();
    }

    /**
     * The OTP challenge response of API.md. The code is echoed only when {@code echo} (a test-mode store
     * asked with {@code X-Debug-Mode: true}); {@code token} is the challenge's handle.
     */
    public static JsonObject challenge(OtpRequired required, String token, boolean echo) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("status", "otp_required")
                .add("otp_token", token)
                .add("otp_action", required.challenge().action().wireValue())
                .add("channel", required.challenge().channel().wireValue())
                .add("destination", required.challenge().destination().masked())
                .add("expires_in", required.expiresIn())
                .add("resend_after", required.resendAfter());
        if (echo) {
            body.add("otp", required.code());
        }
        return body.build();
    }

    /** A sign-in step: tokens, or the challenge to complete first. */
    public static JsonObject signInStep(SignInStep step, boolean echo) {
        if (step.otpRequired() != null) {
            return challenge(step.otpRequired(), step.otpRequired().token(), echo);
        }
        return storefrontTokens(step.signIn().grant(), user(step.signIn().customer()));
    }

    public static JsonObject merchantTokens(MerchantSignIn signIn) {
        JsonObject account = JSON.createObjectBuilder()
                .add("id", signIn.account().id().value())
                .add("email", signIn.account().email())
                .add("name", signIn.account().name())
                .add("role", signIn.account().role().group())
                .build();
        JsonArrayBuilder stores = JSON.createArrayBuilder();
        signIn.stores()
                .forEach(store -> stores.add(JSON.createObjectBuilder()
                        .add("id", store.id().value())
                        .add("name", store.name())
                        .add("mode", store.mode().wireValue())
                        .add("status", store.status().wireValue())));
        return tokens(signIn.grant())
                .add("account", account)
                .add("stores", stores)
                .build();
    }
}
