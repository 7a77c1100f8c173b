package com.storefrontauth.api.resource.platform;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.PlatformJson;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;

/** The token signing keys (platform admins only). */
@Path("v1/admin/signing-keys")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    @Inject
    SigningKeyRing ring;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @GET
    public String list() {
        Instant now = clock.instant();
        return JSON.createObjectBuilder()
                .add(
                        "items",
                        WireFormat.list(ring.list(Caller.operator(request)), key -> PlatformJson.signingKey(key, now)))
                .build()
                .toString();
    }

    @POST
    @Path("rotate")
    public Response rotate() {
        SigningKey key = ring.rotate(Caller.operator(request), Clients.of(request));
        return Response.status(Response.Status.CREATED)
                .entity(PlatformJson.signingKey(key, clock.instant()).toString())
                .build();
    }
}
