package com.storefrontauth.api.resource.management;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.http.ManagementJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The store's login policy; a PUT may send any subset of fields, the rest keep their value. */
@Path("v1/stores/{store_id}/login-policy")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoginPolicyResource {

    @Inject
    StoreService stores;

    @Context
    HttpServletRequest request;

    @PathParam("store_id")
    String storeId;

    @GET
    public String get() {
        return ManagementJson.policy(stores.policy(Caller.operator(request), PathIds.store(storeId)))
                .toString();
    }

    @PUT
    public String amend(String body) {
        // read as a map, not a record: the domain's field table owns the names, types and ranges of a partial policy
        // (an unknown name is refused by name), and a record would copy it
        JsonRequest json = JsonRequest.parse(body);
        Map<String, Object> changes = json.scalars();
        json.validate();
        return ManagementJson.policy(stores.amendPolicy(
                        Caller.operator(request), PathIds.store(storeId), changes, Clients.of(request)))
                .toString();
    }
}
