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
import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyService;
import com.storefrontauth.domain.apikey.ApiKeyType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("v1/stores/{store_id}/api-keys")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;

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
                                keys.list(Caller.operator(request), PathIds.store(storeId)), ManagementJson::apiKey))
                .build()
                .toString();
    }

    public record NewKey(
            @Required @Pattern(regexp = "publishable|secret", message = "must be publishable or secret")
            String type,

            String label) {}

    @POST
    public Response issue(@Valid NewKey body) {
        ApiKeyType type = ApiKeyType.fromWire(body.type()).orElseThrow();
        ApiKey.Issued issued =
                keys.issue(Caller.operator(request), PathIds.store(storeId), type, body.label(), Clients.of(request));
        return Response.status(Response.Status.CREATED)
                .entity(ManagementJson.issuedApiKey(issued).toString())
                .build();
    }

    @DELETE
    @Path("{key_id}")
    public Response revoke(@PathParam("key_id") String keyId) {
        keys.revoke(Caller.operator(request), PathIds.store(storeId), keyId, Clients.of(request));
        return Response.noContent().build();
    }
}
