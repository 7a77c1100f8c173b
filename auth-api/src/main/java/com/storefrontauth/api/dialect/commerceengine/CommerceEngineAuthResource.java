package com.storefrontauth.api.dialect.commerceengine;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.DebugEcho;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.CustomerRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.api.security.StorefrontTokens;
import com.storefrontauth.api.security.ThrottledRoute;
import com.storefrontauth.domain.customer.CodeVerification;
import com.storefrontauth.domain.customer.ContactConfirmation;
import com.storefrontauth.domain.customer.Customer;
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
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
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
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Commerce Engine's storefront auth ({@code /api/v1/{store_id}/storefront/auth/…}, everything its SDK's
 * {@code auth} client calls) over the same use cases as the v1 routes: request and answer mapping only.
 */
@Path("v1/{store_id}/storefront/auth")
@CommerceEngineRoute
@ThrottledRoute
// one instance for all requests, like the v1 resources
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommerceEngineAuthResource {

    private static final int MAX_CODE_LENGTH = 64;

    @Inject
    GuestSessions guests;

    @Inject
    CustomerRegistration registration;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    PasswordlessLogin passwordless;

    @Inject
    PasswordReset passwordReset;

    @Inject
    CodeVerification verification;

    @Inject
    CustomerAccount customers;

    @Inject
    ContactConfirmation contacts;

    @Inject
    RefreshTokenRotation rotation;

    @Inject
    StorefrontTokens tokens;

    @Inject
    HttpServletRequest request;

    @POST
    @Path("anonymous")
    public String anonymous() {
        TokenGrant grant = guests.start(Caller.store(request), Clients.of(request));
        return Envelope.ok(
                "Anonymous token generated.",
                CommerceEngineTokens.content(grant, CommerceEngineUser.anonymous(grant.session())));
    }

    @POST
    @Path("login/email")
    public String loginWithEmail(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        boolean register = json.optionalBoolean("register_if_not_exists");
        json.validate();
        CustomerIdentifier identifier =
                CustomerIdentifier.of(email, null, null, store, json.errors()).orElse(null);
        json.validate();
        return challenge(
                store,
                passwordless.start(store, OtpChannel.EMAIL, identifier, register, Clients.of(request)),
                null,
                null);
    }

    @POST
    @Path("login/phone")
    public String loginWithPhone(String body) {
        return loginWithPhone(body, OtpChannel.SMS);
    }

    @POST
    @Path("login/whatsapp")
    public String loginWithWhatsapp(String body) {
        return loginWithPhone(body, OtpChannel.WHATSAPP);
    }

    private String loginWithPhone(String body, OtpChannel channel) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        boolean register = json.optionalBoolean("register_if_not_exists");
        CustomerIdentifier identifier = phoneIdentifier(json, store);
        return challenge(
                store, passwordless.start(store, channel, identifier, register, Clients.of(request)), null, null);
    }

    @POST
    @Path("login/password")
    public String loginWithPassword(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String password = json.requiredString("password");
        CustomerIdentifier identifier = json.has("phone") ? phoneIdentifier(json, store) : emailIdentifier(json, store);
        return signInStep(
                store,
                passwordLogin.login(store, identifier, password, guest(store), Clients.of(request)),
                "Signed in.");
    }

    @POST
    @Path("register/email")
    public String registerWithEmail(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String firstName = json.requiredString("first_name");
        String lastName = json.optionalString("last_name");
        CustomerIdentifier identifier = emailIdentifier(json, store);
        return registerWithCode(store, OtpChannel.EMAIL, identifier, firstName, lastName);
    }

    @POST
    @Path("register/phone")
    public String registerWithPhone(String body) {
        return registerWithPhone(body, OtpChannel.SMS);
    }

    @POST
    @Path("register/whatsapp")
    public String registerWithWhatsapp(String body) {
        return registerWithPhone(body, OtpChannel.WHATSAPP);
    }

    private String registerWithPhone(String body, OtpChannel channel) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String firstName = json.requiredString("first_name");
        String lastName = json.optionalString("last_name");
        CustomerIdentifier identifier = phoneIdentifier(json, store);
        return registerWithCode(store, channel, identifier, firstName, lastName);
    }

    /** A code sign-up: a code to the address; entering it creates the customer under these names. */
    private String registerWithCode(
            Store store, OtpChannel channel, CustomerIdentifier identifier, String firstName, String lastName) {
        Customer.validName("first_name", firstName);
        Customer.validName("last_name", lastName);
        return challenge(
                store, passwordless.start(store, channel, identifier, true, Clients.of(request)), firstName, lastName);
    }

    @POST
    @Path("register/password")
    public String registerWithPassword(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String emailValue = json.optionalString("email");
        String phoneValue = json.optionalString("phone");
        String password = confirmedPassword(json, "password");
        if (emailValue == null && phoneValue == null) {
            json.errors().add("email", "send an email and/or a phone");
        }
        EmailAddress email = emailValue == null
                ? null
                : CustomerIdentifier.email(emailValue, json.errors()).orElse(null);
        PhoneNumber phone = phoneValue == null
                ? null
                : CommerceEnginePhone.parse(json, phoneValue, store).orElse(null);
        json.validate();
        return signInStep(
                store,
                registration.register(
                        store,
                        new CustomerRegistration.Registration(
                                email,
                                phone,
                                password,
                                json.optionalString("first_name"),
                                json.optionalString("last_name")),
                        guest(store),
                        Clients.of(request)),
                "Registered.");
    }

    @POST
    @Path("verify-otp")
    public String verifyOtp(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        SignUpNames.Presented presented = presentedToken(json);
        String code = code(json);
        CommerceEngineOtpAction action = otpAction(json);
        if (action == CommerceEngineOtpAction.RESET_PASSWORD) {
            json.errors()
                    .add(
                            "otp_action",
                            "reset-password codes are entered at /auth/reset-password with the new password");
        }
        json.validate();
        CodeVerification.Verified verified = verification.verify(
                store,
                new CodeVerification.Attempt(
                        presented.token(), action.action(), code, presented.firstName(), presented.lastName(), null),
                bearerCustomer(store),
                guest(store),
                Clients.of(request));
        return verifiedAnswer(store, verified);
    }

    @POST
    @Path("generate-otp")
    public String generateOtp(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String channelValue = json.requiredString("channel");
        Optional<OtpChannel> channel = Optional.ofNullable(channelValue).flatMap(OtpChannel::fromWire);
        if (channelValue != null && channel.isEmpty()) {
            json.errors().add("channel", "must be email, sms or whatsapp");
        }
        CommerceEngineOtpAction action = otpAction(json);
        json.validate();
        if (action == CommerceEngineOtpAction.LOGIN) {
            json.errors()
                    .add(
                            "otp_action",
                            "sign-in codes are sent by /auth/login/email, /auth/login/phone or /auth/login/whatsapp");
        }
        boolean byEmail = channel.get() == OtpChannel.EMAIL;
        boolean emailAction =
                action == CommerceEngineOtpAction.VERIFY_EMAIL || action == CommerceEngineOtpAction.UPDATE_EMAIL;
        if (emailAction != byEmail
                && action != CommerceEngineOtpAction.REGISTER
                && action != CommerceEngineOtpAction.RESET_PASSWORD) {
            json.errors().add("channel", "must match the otp_action (" + action.wire() + ")");
        }
        CustomerIdentifier identifier = byEmail ? emailIdentifier(json, store) : phoneIdentifier(json, store);
        OtpRequired required = switch (action) {
            case REGISTER -> passwordless.start(store, channel.get(), identifier, true, Clients.of(request));
            case RESET_PASSWORD -> passwordReset.start(store, identifier, Clients.of(request));
            case VERIFY_EMAIL, VERIFY_PHONE ->
                contacts.verifyCurrent(store, signedIn(store), channel.get(), Clients.of(request));
            case UPDATE_EMAIL, UPDATE_PHONE -> contacts.change(store, signedIn(store), identifier, Clients.of(request));
            case LOGIN -> throw new IllegalStateException("refused above");
        };
        return challenge(store, required, null, null);
    }

    @POST
    @Path("refresh-token")
    public String refreshToken(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String refreshToken = json.requiredString("refresh_token");
        json.validate();
        TokenGrant grant = rotation.rotate(
                CommerceEngineTokens.presented(refreshToken), RefreshScope.storefront(store.id()), Clients.of(request));
        return Envelope.ok("Token refreshed.", CommerceEngineTokens.content(grant, null));
    }

    /** Ends the bearer's session and, as Commerce Engine does, hands back a fresh anonymous one. */
    @POST
    @Path("logout")
    public String logout() {
        Store store = Caller.store(request);
        Session session = tokens.activeSession(store.id(), SubjectKind.CUSTOMER)
                .or(() -> tokens.activeSession(store.id(), SubjectKind.GUEST))
                .orElseThrow(() -> new DomainException(
                        ErrorCode.UNAUTHORIZED, "Send the access token of this store as a Bearer token."));
        rotation.logout(session, Clients.of(request));
        TokenGrant grant = guests.start(store, Clients.of(request));
        return Envelope.ok(
                "Signed out.", CommerceEngineTokens.content(grant, CommerceEngineUser.anonymous(grant.session())));
    }

    @POST
    @Path("forgot-password")
    public String forgotPassword(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        CustomerIdentifier identifier = json.has("phone") ? phoneIdentifier(json, store) : emailIdentifier(json, store);
        return challenge(store, passwordReset.start(store, identifier, Clients.of(request)), null, null);
    }

    @POST
    @Path("reset-password")
    public String resetPassword(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        SignUpNames.Presented presented = presentedToken(json);
        String code = code(json);
        String newPassword = confirmedPassword(json, "new_password");
        json.validate();
        CodeVerification.Verified verified = verification.verify(
                store,
                new CodeVerification.Attempt(
                        presented.token(), OtpAction.RESET_PASSWORD, code, null, null, newPassword),
                Optional.empty(),
                guest(store),
                Clients.of(request));
        return verifiedAnswer(store, verified);
    }

    /** The current session stays signed in (the customer's other sessions end), so no new tokens are handed out. */
    @POST
    @Path("change-password")
    @CustomerRoute
    @RolesAllowed(Roles.CUSTOMER)
    public String changePassword(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String current = json.requiredString("old_password");
        String next = confirmedPassword(json, "new_password");
        json.validate();
        customers.changePassword(
                Caller.store(request),
                Caller.customer(request),
                Caller.session(request),
                current,
                next,
                Clients.of(request));
        return Envelope.ok("Password changed.", JSON.createObjectBuilder().build());
    }

    @POST
    @Path("verified-email-phone")
    public Response verifiedEmailPhone() {
        return Envelope.notOffered("Not offered: it would tell any caller which emails and phones belong to "
                + "verified accounts of the store.");
    }

    private String challenge(Store store, OtpRequired required, String firstName, String lastName) {
        JsonObjectBuilder content = JSON.createObjectBuilder()
                .add("otp_token", SignUpNames.attach(required.token(), firstName, lastName))
                .add("otp_action", CommerceEngineOtpAction.of(required.challenge()));
        if (DebugEcho.allowed(store, request)) {
            content.add("otp", required.code());
        }
        return Envelope.ok("OTP sent.", content.build());
    }

    private String signInStep(Store store, SignInStep step, String message) {
        if (step.otpRequired() != null) {
            return challenge(store, step.otpRequired(), null, null);
        }
        return Envelope.ok(
                message,
                CommerceEngineTokens.content(
                        step.signIn().grant(),
                        CommerceEngineUser.of(step.signIn().customer(), store)));
    }

    private static String verifiedAnswer(Store store, CodeVerification.Verified verified) {
        if (verified.signIn() == null) {
            return CommerceEngineUser.answer(store, verified.customer(), "Verified.");
        }
        return Envelope.ok(
                "Verified.",
                CommerceEngineTokens.content(
                        verified.signIn().grant(),
                        CommerceEngineUser.of(verified.signIn().customer(), store)));
    }

    private static SignUpNames.Presented presentedToken(JsonRequest json) {
        String token = json.requiredString("otp_token");
        Optional<SignUpNames.Presented> presented = Optional.ofNullable(token)
                .flatMap(SignUpNames::read)
                .filter(found -> found.token().startsWith(OtpChallenge.TOKEN_PREFIX));
        if (token != null && presented.isEmpty()) {
            json.errors().add("otp_token", "must be the otp_token of a challenge");
        }
        return presented.orElse(null);
    }

    private static String code(JsonRequest json) {
        String code = json.requiredString("otp");
        if (code != null && code.length() > MAX_CODE_LENGTH) {
            json.errors().add("otp", "is too long");
        }
        return code;
    }

    private static CommerceEngineOtpAction otpAction(JsonRequest json) {
        String value = json.requiredString("otp_action");
        Optional<CommerceEngineOtpAction> action =
                Optional.ofNullable(value).flatMap(CommerceEngineOtpAction::fromWire);
        if (value != null && action.isEmpty()) {
            json.errors().add("otp_action", "must be " + CommerceEngineOtpAction.WORDS);
        }
        return action.orElse(null);
    }

    /** The password member, which {@code confirm_password} must repeat. */
    private static String confirmedPassword(JsonRequest json, String member) {
        String password = json.requiredString(member);
        String confirmation = json.requiredString("confirm_password");
        if (password != null && confirmation != null && !password.equals(confirmation)) {
            json.errors().add("confirm_password", "must repeat " + member);
        }
        return password;
    }

    private static CustomerIdentifier emailIdentifier(JsonRequest json, Store store) {
        String email = json.requiredString("email");
        json.validate();
        CustomerIdentifier identifier =
                CustomerIdentifier.of(email, null, null, store, json.errors()).orElse(null);
        json.validate();
        return identifier;
    }

    /** Commerce Engine's phone: the national number, with its calling code in {@code country_code} (default +91). */
    private static CustomerIdentifier phoneIdentifier(JsonRequest json, Store store) {
        String phone = json.requiredString("phone");
        json.validate();
        PhoneNumber parsed = CommerceEnginePhone.parse(json, phone, store).orElse(null);
        json.validate();
        return new CustomerIdentifier(null, parsed);
    }

    private CustomerId signedIn(Store store) {
        return bearerCustomer(store)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.UNAUTHORIZED, "Send the customer's access token as a Bearer token."));
    }

    private Optional<CustomerId> bearerCustomer(Store store) {
        return tokens.authenticate(store.id(), SubjectKind.CUSTOMER).map(token -> new CustomerId(token.subject()));
    }

    /** An anonymous token sent along with a sign-in links the guest to the new session, as on v1. */
    private GuestLink guest(Store store) {
        return tokens.guestOf(store.id());
    }
}
