package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.http.Representation;
import com.storefrontauth.api.jwt.AccessTokenVerifier;
import com.storefrontauth.api.jwt.VerifiedToken;
import com.storefrontauth.api.security.BearerToken;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.StorefrontRoute;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.session.ActiveSessions;
import com.storefrontauth.domain.session.GuestSessions;
import com.storefrontauth.domain.session.RefreshScope;
import com.storefrontauth.domain.session.RefreshTokenRotation;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

import org.eclipse.microprofile.metrics.annotation.Timed;

/** Guest tokens, refresh and logout of the storefront API. */
@Path("v1/stores/{store_id}/auth")
@StorefrontRoute
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontAuthResource {

    @Inject
    GuestSessions guests;

    @Inject
    RefreshTokenRotation rotation;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    ActiveSessions sessions;

    @Context
    HttpServletRequest request;

    @POST
    @Path("anonymous")
    @Timed(name = "storefront_guest_session", absolute = true, description = "Guest sessions started")
    public String anonymous() {
        TokenGrant grant = guests.start(Caller.store(request), Clients.of(request));
        return Representation.storefrontTokens(grant, null).toString();
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
        return Representation.storefrontTokens(grant, null).toString();
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
        Session session = BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION))
                .flatMap(verifier::verify)
                .filter(token -> store.id().value().equals(token.storeId()) && token.audience().contains(token.storeId()))
                .flatMap(this::activeSession)
                .filter(active -> active.belongsTo(store.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.UNAUTHORIZED,
                        "Send the refresh_token, or a valid access token of this store as a Bearer token."));
        rotation.end(session, "logout", AuditEventType.LOGOUT, Clients.of(request));
        return Response.noContent().build();
    }

    private Optional<Session> activeSession(VerifiedToken token) {
        return sessions.find(token.sessionId());
    }
}
