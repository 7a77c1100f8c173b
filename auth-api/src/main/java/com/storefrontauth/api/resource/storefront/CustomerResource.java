package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.DebugEcho;
import com.storefrontauth.api.http.JsonRequest;
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
import com.storefrontauth.domain.store.Store;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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

    @GET
    public String me() {
        return CustomerJson.user(account.get(Caller.store(request).id(), Caller.customer(request)))
                .toString();
    }

    @PATCH
    public String rename(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String firstName = json.optionalString("first_name");
        String lastName = json.optionalString("last_name");
        json.validate();
        CustomerAccount.NameChange change =
                new CustomerAccount.NameChange(firstName, json.has("first_name"), lastName, json.has("last_name"));
        return CustomerJson.user(account.rename(
                        Caller.store(request).id(), Caller.customer(request), change, Clients.of(request)))
                .toString();
    }

    @POST
    @Path("password")
    public Response changePassword(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String current = json.requiredString("current_password");
        String next = json.requiredString("new_password");
        json.validate();
        account.changePassword(
                Caller.store(request),
                Caller.customer(request),
                Caller.session(request),
                current,
                next,
                Clients.of(request));
        return Response.noContent().build();
    }

    /** Erasure is proved by the password, or by a fresh {@code verify} code (accounts without a password). */
    @DELETE
    public Response erase(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String password = json.optionalString("password");
        String otpToken = json.optionalString("otp_token");
        String otp = json.optionalString("otp");
        if (password == null && (otpToken == null || otp == null)) {
            json.errors().add("password", "send the password, or an otp_token and otp of a verify code");
        }
        json.validate();
        Store store = Caller.store(request);
        if (password != null) {
            account.erase(store, Caller.customer(request), password, Clients.of(request));
        } else {
            account.eraseWithCode(store, Caller.customer(request), otpToken, otp, Clients.of(request));
        }
        return Response.noContent().build();
    }

    /** A code to the NEW email or phone; entering it (verify with this bearer token) replaces the contact. */
    @POST
    @Path("contact")
    @CustomerCodeRoute
    @Timed(name = "contact_change_start", absolute = true, description = "Contact changes started")
    public String changeContact(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        Optional<CustomerIdentifier> contact = CustomerIdentifier.of(
                json.optionalString("email"),
                json.optionalString("phone"),
                json.optionalString("country_code"),
                store,
                json.errors());
        json.validate();
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
    public String verifyContact(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String channelValue = json.requiredString("channel");
        Optional<OtpChannel> channel = Optional.ofNullable(channelValue).flatMap(OtpChannel::fromWire);
        if (channelValue != null && channel.isEmpty()) {
            json.errors().add("channel", "must be email, sms or whatsapp");
        }
        json.validate();
        OtpRequired required =
                contacts.verifyCurrent(store, Caller.customer(request), channel.get(), Clients.of(request));
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
