package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.DebugEcho;
import com.storefrontauth.api.http.Required;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    @Inject
    CodeVerification verification;

    @Inject
    CustomerOtp otp;

    @Inject
    StorefrontTokens tokens;

    @Inject
    HttpServletRequest request;

    public record CodeEntry(
            @Required
            @Pattern(
                    regexp = "(?s)" + OtpChallenge.TOKEN_PREFIX + ".*",
                    message = "must be the otp_token of a challenge")
            String otpToken,

            @Required @Size(max = 64, message = "is too long")
            String otp,

            @Required
            @Pattern(
                    regexp = "login|register|verify|reset_password|update_email|update_phone",
                    message = "must be login, register, verify, reset_password, update_email or update_phone")
            String otpAction,

            String firstName,
            String lastName,
            String newPassword) {}

    public record CodeResend(@Required String otpToken) {}

    @POST
    @Path("verify")
    @Timed(name = "otp_verify", absolute = true, description = "One-time codes entered")
    public String verify(@Valid CodeEntry body) {
        Store store = Caller.store(request);
        OtpAction action = OtpAction.fromStorefrontWire(body.otpAction()).orElseThrow();
        if (action == OtpAction.RESET_PASSWORD && body.newPassword() == null) {
            throw DomainException.invalidField("new_password", "is required to reset the password");
        }
        CodeVerification.Verified verified = verification.verify(
                store,
                new CodeVerification.Attempt(
                        body.otpToken(), action, body.otp(), body.firstName(), body.lastName(), body.newPassword()),
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
    public String resend(@Valid CodeResend body) {
        Store store = Caller.store(request);
        OtpRequired required = otp.resend(store, body.otpToken(), Clients.of(request));
        return TokenJson.challenge(required, body.otpToken(), DebugEcho.allowed(store, request))
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
