package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.DebugEcho;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.http.TokenJson;
import com.storefrontauth.api.security.BearerToken;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.StorefrontRoute;
import com.storefrontauth.api.security.StorefrontTokens;
import com.storefrontauth.api.security.ThrottledRoute;
import com.storefrontauth.domain.customer.CodeVerification;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerOtp;
import com.storefrontauth.domain.otp.OtpAction;
import com.storefrontauth.domain.otp.OtpChallenge;
import com.storefrontauth.domain.otp.OtpRequired;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** Entering and resending one-time codes ({@code /auth/otp/verify}, {@code /auth/otp/resend}). */
@Path("v1/stores/{store_id}/auth/otp")
@StorefrontRoute
@ThrottledRoute
// one instance for all requests: building one per request (and re-registering its @Timed metrics) was ~30 % of
// /customers/me
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontOtpResource {

    private static final int MAX_CODE_LENGTH = 64;

    @Inject
    CodeVerification verification;

    @Inject
    CustomerOtp otp;

    @Inject
    StorefrontTokens tokens;

    @Inject
    HttpServletRequest request;

    @POST
    @Path("verify")
    @Timed(name = "otp_verify", absolute = true, description = "One-time codes entered")
    public String verify(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String token = json.requiredString("otp_token");
        String code = json.requiredString("otp");
        String actionValue = json.requiredString("otp_action");
        String firstName = json.optionalString("first_name");
        String lastName = json.optionalString("last_name");
        String newPassword = json.optionalString("new_password");
        Optional<OtpAction> action = Optional.ofNullable(actionValue).flatMap(OtpAction::fromStorefrontWire);
        if (actionValue != null && action.isEmpty()) {
            json.errors()
                    .add("otp_action", "must be login, register, verify, reset_password, update_email or update_phone");
        }
        if (token != null && !token.startsWith(OtpChallenge.TOKEN_PREFIX)) {
            json.errors().add("otp_token", "must be the otp_token of a challenge");
        }
        if (code != null && code.length() > MAX_CODE_LENGTH) {
            json.errors().add("otp", "is too long");
        }
        if (action.filter(OtpAction.RESET_PASSWORD::equals).isPresent() && newPassword == null) {
            json.errors().add("new_password", "is required to reset the password");
        }
        json.validate();
        CodeVerification.Verified verified = verification.verify(
                store,
                new CodeVerification.Attempt(token, action.get(), code, firstName, lastName, newPassword),
                bearerCustomer(store),
                tokens.guestOf(store.id()),
                Clients.of(request));
        if (verified.signIn() == null) {
            return CustomerJson.verified(verified.customer()).toString();
        }
        return TokenJson.storefrontTokens(
                        verified.signIn().grant(),
                        CustomerJson.user(verified.signIn().customer()))
                .toString();
    }

    @POST
    @Path("resend")
    @Timed(name = "otp_resend", absolute = true, description = "One-time codes resent")
    public String resend(String body) {
        Store store = Caller.store(request);
        JsonRequest json = JsonRequest.parse(body);
        String token = json.requiredString("otp_token");
        json.validate();
        OtpRequired required = otp.resend(store, token, Clients.of(request));
        return TokenJson.challenge(required, token, DebugEcho.allowed(store, request))
                .toString();
    }

    /** The customer whose bearer token came with the request (contact checks and changes need it). */
    private Optional<CustomerId> bearerCustomer(Store store) {
        if (BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION)).isEmpty()) {
            return Optional.empty();
        }
        Optional<Session> session = tokens.activeSession(store.id(), SubjectKind.CUSTOMER);
        if (session.isEmpty()) {
            if (tokens.activeSession(store.id(), SubjectKind.GUEST).isPresent()) {
                return Optional.empty();
            }
            throw new DomainException(ErrorCode.UNAUTHORIZED, "The bearer token is not valid for this store.");
        }
        return session.map(found -> new CustomerId(found.subject()));
    }
}
