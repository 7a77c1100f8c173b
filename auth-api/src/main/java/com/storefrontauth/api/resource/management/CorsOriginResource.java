package com.storefrontauth.api.resource.management;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.ManagementJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.Required;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.CorsPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("v1/stores/{store_id}/cors-origins")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CorsOriginResource {

    @Inject
    CorsPolicy cors;

    @Context
    HttpServletRequest request;

    @PathParam("store_id")
    String storeId;

    @GET
    public String list() {
        return JSON.createObjectBuilder()
                .add(
                        "items",
                        WireFormat.list(
                                cors.list(Caller.operator(request), PathIds.store(storeId)),
                                ManagementJson::corsOrigin))
                .build()
                .toString();
    }

    /** The origin's form ({@code scheme://host[:port]}, wildcards) is the domain's rule. */
    public record NewOrigin(@Required String origin) {}

    @POST
    public Response allow(@Valid NewOrigin body) {
        CorsOrigin allowed =
                cors.allow(Caller.operator(request), PathIds.store(storeId), body.origin(), Clients.of(request));
        return Response.status(Response.Status.CREATED)
                .entity(ManagementJson.corsOrigin(allowed).toString())
                .build();
    }

    @DELETE
    @Path("{origin_id}")
    public Response remove(@PathParam("origin_id") String originId) {
        cors.remove(Caller.operator(request), PathIds.store(storeId), originId, Clients.of(request));
        return Response.noContent().build();
    }
}
