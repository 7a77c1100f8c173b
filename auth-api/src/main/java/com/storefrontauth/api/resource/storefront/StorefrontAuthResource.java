package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.BodyViolations;
import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.DebugEcho;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.http.Required;
import com.storefrontauth.api.http.TokenJson;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.StorefrontRoute;
import com.storefrontauth.api.security.StorefrontTokens;
import com.storefrontauth.api.security.ThrottledRoute;
import com.storefrontauth.domain.account.MerchantLogin;
import com.storefrontauth.domain.customer.CustomerAccount;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerIdentifier;
import com.storefrontauth.domain.customer.CustomerRegistration;
import com.storefrontauth.domain.customer.GuestLink;
import com.storefrontauth.domain.customer.PasswordLogin;
import com.storefrontauth.domain.customer.PasswordReset;
import com.storefrontauth.domain.customer.PasswordlessLogin;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.customer.SignInStep;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.GuestSessions;
import com.storefrontauth.domain.session.RefreshScope;
import com.storefrontauth.domain.session.RefreshTokenRotation;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** Sign-up, sign-in (password or code), password reset, guest tokens, refresh and logout of the storefront API. */
@Path("v1/stores/{store_id}/auth")
@StorefrontRoute
@ThrottledRoute
// one instance for all requests: building one per request (and re-registering its @Timed metrics) was ~30 % of
// /customers/me
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontAuthResource {

    @Inject
    GuestSessions guests;

    @Inject
    CustomerRegistration registration;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    MerchantLogin merchantLogin;

    @Inject
    PasswordlessLogin passwordless;

    @Inject
    PasswordReset passwordReset;

    @Inject
    CustomerAccount customers;

    @Inject
    RefreshTokenRotation rotation;

    @Inject
    StorefrontTokens tokens;

    @Inject
    HttpServletRequest request;

    @Inject
    Validator validator;

    public record SignUp(
            String email,
            String phone,
            String countryCode,
            @Required String password,
            String firstName,
            String lastName) {}

    public record SignIn(
            String email,
            String phone,
            String countryCode,
            @Required String password,

            @Pattern(regexp = "customer|owner", message = "must be customer or owner")
            String loginAs) {}

    public record EmailStart(@Required String email, Boolean registerIfNotExists) {}

    public record PhoneStart(@Required String phone, String countryCode, Boolean registerIfNotExists) {}

    /** An email, or a phone with its calling code: which one, and its form, is the domain's to judge. */
    public record Identifier(String email, String phone, String countryCode) {}

    public record Logout(String refreshToken) {}

    /*
     * Sign-up and sign-in check their record here rather than with @Valid: a malformed email or phone (the
     * domain's rule) is then named in the same answer as a missing password.
     */

    @POST
    @Path("register")
    @Timed(name = "customer_register", absolute = true, description = "Customer sign-ups")
    public String register(SignUp body) {
        Store store = Caller.store(request);
        FieldErrors errors = BodyViolations.into(new FieldErrors(), validator.validate(body));
        if (body.email() == null && body.phone() == null) {
            errors.add("email", "send an email and/or a phone");
        }
        EmailAddress email = body.email() == null
                ? null
                : CustomerIdentifier.email(body.email(), errors).orElse(null);
        PhoneNumber phone = body.phone() == null
                ? null
                : CustomerIdentifier.phone(body.phone(), body.countryCode(), store, errors)
                        .orElse(null);
        errors.throwIfAny();
        SignInStep step = registration.register(
                store,
                new CustomerRegistration.Registration(email, phone, body.password(), body.firstName(), body.lastName()),
                guest(store),
                Clients.of(request));
        return TokenJson.signInStep(step, DebugEcho.allowed(store, request)).toString();
    }

    @POST
    @Path("login")
    @Timed(name = "customer_login", absolute = true, description = "Customer password sign-ins")
    public String login(SignIn body) {
        Store store = Caller.store(request);
        FieldErrors errors = BodyViolations.into(new FieldErrors(), validator.validate(body));
        if ("owner".equals(body.loginAs())) {
            if (body.email() == null) {
                errors.add("email", "is required to sign in as the owner");
            }
            errors.throwIfAny();
            return TokenJson.merchantTokens(
                            merchantLogin.loginAsOwner(store, body.email(), body.password(), Clients.of(request)))
                    .toString();
        }
        Optional<CustomerIdentifier> identifier =
                CustomerIdentifier.of(body.email(), body.phone(), body.countryCode(), store, errors);
        errors.throwIfAny();
        SignInStep step = passwordLogin.login(
                store, identifier.orElseThrow(), body.password(), guest(store), Clients.of(request));
        return TokenJson.signInStep(step, DebugEcho.allowed(store, request)).toString();
    }

    @POST
    @Path("login/email")
    @Timed(name = "otp_start_email", absolute = true, description = "Passwordless sign-ins started by email")
    public String loginByEmail(@Valid EmailStart body) {
        Store store = Caller.store(request);
        FieldErrors errors = new FieldErrors();
        Optional<CustomerIdentifier> identifier = CustomerIdentifier.of(body.email(), null, null, store, errors);
        errors.throwIfAny();
        boolean register = Boolean.TRUE.equals(body.registerIfNotExists());
        return challenge(
                store,
                passwordless.start(store, OtpChannel.EMAIL, identifier.orElseThrow(), register, Clients.of(request)));
    }

    @POST
    @Path("login/phone")
    @Timed(name = "otp_start_sms", absolute = true, description = "Passwordless sign-ins started by SMS")
    public String loginByPhone(@Valid PhoneStart body) {
        return loginByPhone(body, OtpChannel.SMS);
    }

    @POST
    @Path("login/whatsapp")
    @Timed(name = "otp_start_whatsapp", absolute = true, description = "Passwordless sign-ins started by WhatsApp")
    public String loginByWhatsapp(@Valid PhoneStart body) {
        return loginByPhone(body, OtpChannel.WHATSAPP);
    }

    private String loginByPhone(PhoneStart body, OtpChannel channel) {
        Store store = Caller.store(request);
        FieldErrors errors = new FieldErrors();
        Optional<CustomerIdentifier> identifier =
                CustomerIdentifier.of(null, body.phone(), body.countryCode(), store, errors);
        errors.throwIfAny();
        boolean register = Boolean.TRUE.equals(body.registerIfNotExists());
        return challenge(
                store, passwordless.start(store, channel, identifier.orElseThrow(), register, Clients.of(request)));
    }

    @POST
    @Path("password/forgot")
    @Timed(name = "password_forgot", absolute = true, description = "Password resets started")
    public String forgotPassword(@Valid Identifier body) {
        Store store = Caller.store(request);
        FieldErrors errors = new FieldErrors();
        Optional<CustomerIdentifier> identifier =
                CustomerIdentifier.of(body.email(), body.phone(), body.countryCode(), store, errors);
        errors.throwIfAny();
        return challenge(store, passwordReset.start(store, identifier.orElseThrow(), Clients.of(request)));
    }

    private String challenge(Store store, OtpRequired required) {
        return TokenJson.challenge(required, required.token(), DebugEcho.allowed(store, request))
                .toString();
    }

    @POST
    @Path("anonymous")
    @Timed(name = "storefront_guest_session", absolute = true, description = "Guest sessions started")
    public String anonymous() {
        TokenGrant grant = guests.start(Caller.store(request), Clients.of(request));
        return TokenJson.storefrontTokens(grant, null).toString();
    }

    @POST
    @Path("token/refresh")
    @Timed(name = "storefront_token_refresh", absolute = true, description = "Storefront refresh-token rotations")
    public String refresh(String body) {
        // read by hand on purpose: the storefront refresh is the budgeted hot path, and binding its one member
        // through the record reader measured 371 refreshes per server CPU-second against 440 read by hand
        // (bench/run.sh, round 2, back to back, 2026-12-05): -16 %
        JsonRequest json = JsonRequest.parse(body);
        String refreshToken = json.requiredString("refresh_token");
        json.validate();
        Store store = Caller.store(request);
        TokenGrant grant = rotation.rotate(refreshToken, RefreshScope.storefront(store.id()), Clients.of(request));
        if (grant.session().kind() == SubjectKind.CUSTOMER) {
            return TokenJson.storefrontTokens(
                            grant,
                            CustomerJson.user(customers.get(
                                    store.id(), new CustomerId(grant.session().subject()))))
                    .toString();
        }
        return TokenJson.storefrontTokens(grant, null).toString();
    }

    /** Ends the session of a refresh token, or of the bearer access token when no body is sent. */
    @POST
    @Path("logout")
    public Response logout(@Valid Logout body) {
        Store store = Caller.store(request);
        if (body.refreshToken() != null) {
            rotation.logout(body.refreshToken(), RefreshScope.storefront(store.id()), Clients.of(request));
            return Response.noContent().build();
        }
        Session session = tokens.activeSession(store.id(), SubjectKind.CUSTOMER)
                .or(() -> tokens.activeSession(store.id(), SubjectKind.GUEST))
                .orElseThrow(() -> new DomainException(
                        ErrorCode.UNAUTHORIZED,
                        "Send the refresh_token, or a valid access token of this store as a Bearer token."));
        rotation.logout(session, Clients.of(request));
        return Response.noContent().build();
    }

    /** A guest token sent along with a sign-in links the guest to the new session (cart merge). */
    private GuestLink guest(Store store) {
        return tokens.guestOf(store.id());
    }
}
