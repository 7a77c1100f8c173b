package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.DebugEcho;
import com.storefrontauth.api.http.JsonRequest;
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
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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

    @POST
    @Path("register")
    @Timed(name = "customer_register", absolute = true, description = "Customer sign-ups")
    public String register(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String emailValue = json.optionalString("email");
        String phoneValue = json.optionalString("phone");
        String countryCode = json.optionalString("country_code");
        String password = json.requiredString("password");
        String firstName = json.optionalString("first_name");
        String lastName = json.optionalString("last_name");
        if (emailValue == null && phoneValue == null) {
            json.errors().add("email", "send an email and/or a phone");
        }
        EmailAddress email = emailValue == null
                ? null
                : CustomerIdentifier.email(emailValue, json.errors()).orElse(null);
        PhoneNumber phone = phoneValue == null
                ? null
                : CustomerIdentifier.phone(phoneValue, countryCode, store, json.errors())
                        .orElse(null);
        json.validate();
        SignInStep step = registration.register(
                store,
                new CustomerRegistration.Registration(email, phone, password, firstName, lastName),
                guest(store),
                Clients.of(request));
        return TokenJson.signInStep(step, DebugEcho.allowed(store, request)).toString();
    }

    @POST
    @Path("login")
    @Timed(name = "customer_login", absolute = true, description = "Customer password sign-ins")
    public String login(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String email = json.optionalString("email");
        String phone = json.optionalString("phone");
        String countryCode = json.optionalString("country_code");
        String password = json.requiredString("password");
        String loginAs = json.optionalString("login_as");
        if (loginAs != null && !loginAs.equals("customer") && !loginAs.equals("owner")) {
            json.errors().add("login_as", "must be customer or owner");
        }
        if ("owner".equals(loginAs)) {
            if (email == null) {
                json.errors().add("email", "is required to sign in as the owner");
            }
            json.validate();
            return TokenJson.merchantTokens(merchantLogin.loginAsOwner(store, email, password, Clients.of(request)))
                    .toString();
        }
        Optional<CustomerIdentifier> identifier =
                CustomerIdentifier.of(email, phone, countryCode, store, json.errors());
        json.validate();
        SignInStep step =
                passwordLogin.login(store, identifier.orElseThrow(), password, guest(store), Clients.of(request));
        return TokenJson.signInStep(step, DebugEcho.allowed(store, request)).toString();
    }

    @POST
    @Path("login/email")
    @Timed(name = "otp_start_email", absolute = true, description = "Passwordless sign-ins started by email")
    public String loginByEmail(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        boolean register = json.optionalBoolean("register_if_not_exists");
        json.validate();
        Optional<CustomerIdentifier> identifier = CustomerIdentifier.of(email, null, null, store, json.errors());
        json.validate();
        return challenge(
                store,
                passwordless.start(store, OtpChannel.EMAIL, identifier.orElseThrow(), register, Clients.of(request)));
    }

    @POST
    @Path("login/phone")
    @Timed(name = "otp_start_sms", absolute = true, description = "Passwordless sign-ins started by SMS")
    public String loginByPhone(String body) {
        return loginByPhone(body, OtpChannel.SMS);
    }

    @POST
    @Path("login/whatsapp")
    @Timed(name = "otp_start_whatsapp", absolute = true, description = "Passwordless sign-ins started by WhatsApp")
    public String loginByWhatsapp(String body) {
        return loginByPhone(body, OtpChannel.WHATSAPP);
    }

    private String loginByPhone(String body, OtpChannel channel) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String phone = json.requiredString("phone");
        String countryCode = json.optionalString("country_code");
        boolean register = json.optionalBoolean("register_if_not_exists");
        json.validate();
        Optional<CustomerIdentifier> identifier = CustomerIdentifier.of(null, phone, countryCode, store, json.errors());
        json.validate();
        return challenge(
                store, passwordless.start(store, channel, identifier.orElseThrow(), register, Clients.of(request)));
    }

    @POST
    @Path("password/forgot")
    @Timed(name = "password_forgot", absolute = true, description = "Password resets started")
    public String forgotPassword(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        Optional<CustomerIdentifier> identifier = CustomerIdentifier.of(
                json.optionalString("email"),
                json.optionalString("phone"),
                json.optionalString("country_code"),
                store,
                json.errors());
        json.validate();
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
    public Response logout(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String refreshToken = json.optionalString("refresh_token");
        json.validate();
        if (refreshToken != null) {
            rotation.logout(refreshToken, RefreshScope.storefront(store.id()), Clients.of(request));
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
