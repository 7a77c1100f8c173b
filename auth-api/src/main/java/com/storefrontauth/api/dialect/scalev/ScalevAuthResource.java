package com.storefrontauth.api.dialect.scalev;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ThrottledRoute;
import com.storefrontauth.domain.customer.CodeVerification;
import com.storefrontauth.domain.customer.CustomerIdentifier;
import com.storefrontauth.domain.customer.GuestLink;
import com.storefrontauth.domain.customer.PasswordLogin;
import com.storefrontauth.domain.customer.PasswordResetByLink;
import com.storefrontauth.domain.customer.PasswordlessLogin;
import com.storefrontauth.domain.customer.SignInStep;
import com.storefrontauth.domain.otp.Destination;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.session.RefreshScope;
import com.storefrontauth.domain.session.RefreshTokenRotation;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * Scalev v3 customer auth ({@code /v3/stores/{store_id}/public/auth/…}) over the same use cases as the v1
 * routes. Scalev's OTP step carries no handle, only the email and the code, so a code is matched to the
 * store's newest open sign-in challenge for that email. Scalev has no guest tokens: no guest is linked.
 */
@Path("v3/stores/{store_id}/public/auth")
@ScalevRoute
@ThrottledRoute
// one instance for all requests: building one per request (and re-registering its @Timed metrics) was ~30 % of
// /customers/me
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScalevAuthResource {

    static final String OTP_SENT = "If this email exists in our system, an OTP has been sent to it.";
    static final String LINK_SENT = "If this email exists in our system, a password reset link has been sent to it.";
    static final String PASSWORD_SAVED = "Your password has been reset. Sign in with the new password.";
    private static final int MAX_CODE_LENGTH = 64;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    PasswordlessLogin passwordless;

    @Inject
    CodeVerification verification;

    @Inject
    RefreshTokenRotation rotation;

    @Inject
    PasswordResetByLink resetLinks;

    @Inject
    HttpServletRequest request;

    /** Tokens, or only the message when the store wants a code after the password (or a verified contact). */
    @POST
    @Path("login")
    @Timed(name = "scalev_customer_login", absolute = true, description = "Scalev customer password sign-ins")
    public String login(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        String password = json.requiredString("password");
        String loginAs = json.optionalString("login_as");
        if (loginAs != null && !loginAs.equals("customer")) {
            json.errors().add("login_as", "must be customer");
        }
        json.validate();
        CustomerIdentifier identifier =
                CustomerIdentifier.of(email, null, null, store, json.errors()).orElse(null);
        json.validate();
        SignInStep step = passwordLogin.login(store, identifier, password, GuestLink.NONE, Clients.of(request));
        if (step.otpRequired() != null) {
            return ScalevBodies.message(OTP_SENT).toString();
        }
        return ScalevBodies.tokens(step.signIn().grant(), store).toString();
    }

    /** A sign-in code by email; unknown addresses get the same answer (a decoy challenge, never sent). */
    @POST
    @Path("otp/send")
    @Timed(name = "scalev_otp_send", absolute = true, description = "Scalev sign-in codes sent")
    public String sendCode(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        json.validate();
        CustomerIdentifier identifier =
                CustomerIdentifier.of(email, null, null, store, json.errors()).orElse(null);
        json.validate();
        passwordless.start(store, OtpChannel.EMAIL, identifier, false, Clients.of(request));
        return ScalevBodies.message(OTP_SENT).toString();
    }

    @POST
    @Path("otp/verify")
    @Timed(name = "scalev_otp_verify", absolute = true, description = "Scalev sign-in codes entered")
    public String verifyCode(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String emailValue = json.requiredString("email");
        String code = json.requiredString("otp");
        if (code != null && code.length() > MAX_CODE_LENGTH) {
            json.errors().add("otp", "is too long");
        }
        json.validate();
        EmailAddress email = CustomerIdentifier.email(emailValue, json.errors()).orElse(null);
        json.validate();
        CodeVerification.Verified verified = verification.verifySignIn(
                store, new Destination(OtpChannel.EMAIL, email.value()), code, GuestLink.NONE, Clients.of(request));
        return ScalevBodies.tokens(verified.signIn().grant(), store).toString();
    }

    @POST
    @Path("jwt/refresh")
    @Timed(name = "scalev_token_refresh", absolute = true, description = "Scalev refresh-token rotations")
    public String refresh(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String refresh = json.requiredString("refresh");
        json.validate();
        Store store = Caller.store(request);
        return ScalevBodies.tokens(
                        rotation.rotate(refresh, RefreshScope.storefront(store.id()), Clients.of(request)), store)
                .toString();
    }

    /** Ends the refresh token's session: its access tokens stop working on our routes at once. */
    @POST
    @Path("jwt/blacklist")
    public Response blacklist(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String refresh = json.requiredString("refresh");
        json.validate();
        rotation.logout(refresh, RefreshScope.storefront(Caller.store(request).id()), Clients.of(request));
        return Response.noContent().build();
    }

    /** Mails {@code <Origin>/reset-password?token=…}; the Origin must be allowed (else the store's first). */
    @POST
    @Path("forget-password")
    @Timed(name = "scalev_password_forgot", absolute = true, description = "Scalev password reset links sent")
    public String forgetPassword(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String emailValue = json.requiredString("email");
        json.validate();
        EmailAddress email = CustomerIdentifier.email(emailValue, json.errors()).orElse(null);
        json.validate();
        resetLinks.start(store, email, request.getHeader("Origin"), Clients.of(request));
        return ScalevBodies.message(LINK_SENT).toString();
    }

    @POST
    @Path("save-password")
    @Timed(name = "scalev_password_save", absolute = true, description = "Scalev password reset links used")
    public String savePassword(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String token = json.requiredString("token");
        String password = json.requiredString("password");
        json.validate();
        resetLinks.complete(Caller.store(request), token, password, Clients.of(request));
        return ScalevBodies.message(PASSWORD_SAVED).toString();
    }
}
