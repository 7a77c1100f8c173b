package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.DebugEcho;
import com.storefrontauth.api.http.Required;
import com.storefrontauth.api.http.SentMembers;
import com.storefrontauth.api.http.TokenJson;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.CustomerCodeRoute;
import com.storefrontauth.api.security.CustomerRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.api.security.StorefrontRoute;
import com.storefrontauth.domain.customer.ContactConfirmation;
import com.storefrontauth.domain.customer.CustomerAccount;
import com.storefrontauth.domain.customer.CustomerIdentifier;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.store.Store;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** The signed-in customer's own account: profile, password, sessions, erasure. */
@Path("v1/stores/{store_id}/customers/me")
@StorefrontRoute
@CustomerRoute
@RolesAllowed(Roles.CUSTOMER)
// one instance for all requests: building one per request (and re-registering its @Timed metrics) was ~30 % of
// /customers/me
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    CustomerAccount account;

    @Inject
    ContactConfirmation contacts;

    @Inject
    HttpServletRequest request;

    /** A PATCH: a name not sent keeps its value, a name sent as null is cleared. */
    public record NameEdit(String firstName, String lastName) {}

    public record PasswordChange(
            @Required String currentPassword, @Required String newPassword) {}

    /** The password, or an otp_token and otp of a verify code (accounts without a password). */
    public record Erasure(String password, String otpToken, String otp) {}

    /** The new email, or phone with its calling code; their form is the domain's to judge. */
    public record NewContact(String email, String phone, String countryCode) {}

    public record ChannelChoice(
            @Required @Pattern(regexp = "email|sms|whatsapp", message = "must be email, sms or whatsapp")
            String channel) {}

    @GET
    public String me() {
        return CustomerJson.user(account.get(Caller.store(request).id(), Caller.customer(request)))
                .toString();
    }

    @PATCH
    public String rename(@Valid NameEdit body) {
        CustomerAccount.NameChange change = new CustomerAccount.NameChange(
                body.firstName(),
                SentMembers.sent(request, "first_name"),
                body.lastName(),
                SentMembers.sent(request, "last_name"));
        return CustomerJson.user(account.rename(
                        Caller.store(request).id(), Caller.customer(request), change, Clients.of(request)))
                .toString();
    }

    @POST
    @Path("password")
    public Response changePassword(@Valid PasswordChange body) {
        account.changePassword(
                Caller.store(request),
                Caller.customer(request),
                Caller.session(request),
                body.currentPassword(),
                body.newPassword(),
                Clients.of(request));
        return Response.noContent().build();
    }

    /** Erasure is proved by the password, or by a fresh {@code verify} code (accounts without a password). */
    @DELETE
    public Response erase(@Valid Erasure body) {
        if (body.password() == null && (body.otpToken() == null || body.otp() == null)) {
            throw DomainException.invalidField(
                    "password", "send the password, or an otp_token and otp of a verify code");
        }
        Store store = Caller.store(request);
        if (body.password() != null) {
            account.erase(store, Caller.customer(request), body.password(), Clients.of(request));
        } else {
            account.eraseWithCode(store, Caller.customer(request), body.otpToken(), body.otp(), Clients.of(request));
        }
        return Response.noContent().build();
    }

    /** A code to the NEW email or phone; entering it (verify with this bearer token) replaces the contact. */
    @POST
    @Path("contact")
    @CustomerCodeRoute
    @Timed(name = "contact_change_start", absolute = true, description = "Contact changes started")
    public String changeContact(@Valid NewContact body) {
        Store store = Caller.store(request);
        FieldErrors errors = new FieldErrors();
        Optional<CustomerIdentifier> contact =
                CustomerIdentifier.of(body.email(), body.phone(), body.countryCode(), store, errors);
        errors.throwIfAny();
        OtpRequired required =
                contacts.change(store, Caller.customer(request), contact.orElseThrow(), Clients.of(request));
        return TokenJson.challenge(required, required.token(), DebugEcho.allowed(store, request))
                .toString();
    }

    /** A code to the customer's current email or phone; entering it marks that contact verified. */
    @POST
    @Path("verify")
    @CustomerCodeRoute
    @Timed(name = "contact_verify_start", absolute = true, description = "Contact verifications started")
    public String verifyContact(@Valid ChannelChoice body) {
        Store store = Caller.store(request);
        OtpChannel channel = OtpChannel.fromWire(body.channel()).orElseThrow();
        OtpRequired required = contacts.verifyCurrent(store, Caller.customer(request), channel, Clients.of(request));
        return TokenJson.challenge(required, required.token(), DebugEcho.allowed(store, request))
                .toString();
    }

    @GET
    @Path("sessions")
    public String sessions() {
        SessionId current = Caller.session(request);
        return WireFormat.list(
                        account.sessions(Caller.store(request).id(), Caller.customer(request)),
                        session -> CustomerJson.session(session, current))
                .build()
                .toString();
    }

    @DELETE
    @Path("sessions/{session_id}")
    public Response endSession(@PathParam("session_id") String sessionId) {
        SessionId target = SessionId.parse(sessionId).orElseThrow(() -> DomainException.notFound("session"));
        account.endSession(Caller.store(request).id(), Caller.customer(request), target, Clients.of(request));
        return Response.noContent().build();
    }
}
