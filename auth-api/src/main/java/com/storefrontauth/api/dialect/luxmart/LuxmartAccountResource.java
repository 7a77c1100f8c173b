package com.storefrontauth.api.dialect.luxmart;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.security.ThrottledRoute;
import com.storefrontauth.domain.account.MerchantActivation;
import com.storefrontauth.domain.account.MerchantLogin;
import com.storefrontauth.domain.account.MerchantPassword;
import com.storefrontauth.domain.account.MerchantPasswordReset;
import com.storefrontauth.domain.account.MerchantTokenSession;
import com.storefrontauth.domain.account.MerchantTokenSignIn;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.ProfileChange;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Luxmart's store accounts ({@code /v1/accounts/…/}, routed here by {@link LuxmartRoutes}): a Luxmart
 * "store" is a merchant account and its first store, signed in with an opaque {@code Token}.
 */
@Path(LuxmartRoutes.INTERNAL + "v1/accounts")
@ThrottledRoute
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class LuxmartAccountResource {

    private static final String TOKEN_SCHEME = "Token ";

    @Inject
    MerchantActivation activation;

    @Inject
    MerchantLogin login;

    @Inject
    MerchantPassword password;

    @Inject
    MerchantPasswordReset reset;

    @Inject
    HttpServletRequest request;

    @POST
    @Path("register/store/")
    public String register(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        String name = json.requiredString("name");
        ProfileChange profile = new ProfileChange(
                json.optionalString("description"),
                null,
                json.optionalString("business_address"),
                json.optionalString("contact_phone"),
                json.requiredString("preferred_language"));
        String newPassword = json.requiredString("password");
        String confirmation = json.requiredString("confirm_password");
        json.validate();
        if (!newPassword.equals(confirmation)) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "Confirm Password Is Not Correct!");
        }
        activation.register(email, newPassword, name, name, profile, Clients.of(request));
        return message("Activation link send to email!");
    }

    @POST
    @Path("otp/store/")
    public String confirm(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        String otp = json.requiredString("otp");
        if (otp != null && otp.length() > 64) {
            json.errors().add("otp", "is too long");
        }
        json.validate();
        activation.activate(email, otp, Clients.of(request));
        return message("OTP confirmed successfully");
    }

    @POST
    @Path("login/store/")
    public String login(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        String secret = json.requiredString("password");
        json.validate();
        MerchantTokenSignIn signIn = login.loginWithOpaqueToken(email, secret, Clients.of(request));
        JsonObjectBuilder answer =
                JSON.createObjectBuilder().add("access_token", signIn.token().accessToken());
        if (signIn.stores().isEmpty()) {
            answer.addNull("store");
        } else {
            answer.add("store", store(signIn.account().email(), signIn.stores().get(0)));
        }
        return answer.build().toString();
    }

    @POST
    @Path("forget/password/store/")
    public String forgotPassword(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        json.validate();
        reset.start(email, Clients.of(request));
        return message("Verification code sent to email");
    }

    @POST
    @Path("confirm/forget/password/store/")
    public String resetPassword(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        String code = json.requiredString("code");
        String newPassword = json.requiredString("new_password");
        if (code != null && code.length() > 64) {
            json.errors().add("code", "is too long");
        }
        json.validate();
        reset.complete(email, code, newPassword, Clients.of(request));
        return message("Successful Operation");
    }

    @POST
    @Path("change/password/")
    public String changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        MerchantTokenSession holder = login.authenticateOpaqueToken(token(authorization));
        JsonRequest json = JsonRequest.parse(body);
        String oldPassword = json.requiredString("old_password");
        String newPassword = json.requiredString("new_password");
        json.validate();
        password.change(holder.account().id(), oldPassword, newPassword, Clients.of(request));
        return message("Password changed successfully");
    }

    @POST
    @Path("logout/")
    public String logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        login.logout(login.authenticateOpaqueToken(token(authorization)), Clients.of(request));
        return message("Successfully logged out");
    }

    private static String token(String authorization) {
        if (authorization == null
                || authorization.length() <= TOKEN_SCHEME.length()
                || !authorization.regionMatches(true, 0, TOKEN_SCHEME, 0, TOKEN_SCHEME.length())) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "Missing token on header!");
        }
        return authorization.substring(TOKEN_SCHEME.length()).strip();
    }

    /** Luxmart's store object: the account's email and its first store's profile. */
    private static JsonObjectBuilder store(String email, Store store) {
        return JSON.createObjectBuilder()
                .add("id", store.id().value())
                .add("email", email)
                .add("name", store.name())
                .add("description", store.profile().description())
                .add("logo_url", store.profile().logoUrl())
                .add("business_address", store.profile().businessAddress())
                .add(
                        "preferred_language",
                        store.profile().preferredLanguage().englishName().toUpperCase(Locale.ROOT))
                .add("contact_phone", store.profile().contactPhone())
                .add("percent", store.commission().percent())
                .add("created", DateTimeFormatter.ISO_INSTANT.format(store.createdAt()));
    }

    private static String message(String text) {
        return JSON.createObjectBuilder().add("message", text).build().toString();
    }
}
