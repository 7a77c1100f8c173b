package com.storefrontauth.api.resource.management;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.http.ManagementJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.store.ProfileChange;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreChange;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreService;
import com.storefrontauth.domain.store.StoreStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

@Path("v1/stores")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {

    @Inject
    StoreService stores;

    @Context
    HttpServletRequest request;

    @GET
    public String list() {
        return JSON.createObjectBuilder()
                .add("items", WireFormat.list(stores.list(Caller.operator(request)), ManagementJson::store))
                .build()
                .toString();
    }

    @POST
    public Response open(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String name = json.requiredString("name");
        String modeValue = json.optionalString("mode");
        StoreMode mode = modeValue == null
                ? StoreMode.TEST
                : StoreMode.fromWire(modeValue).orElse(null);
        if (mode == null) {
            json.errors().add("mode", "must be test or live");
        }
        json.validate();
        Store store = stores.open(Caller.operator(request), name, mode, Clients.of(request));
        return Response.status(Response.Status.CREATED)
                .entity(ManagementJson.store(store).toString())
                .build();
    }

    @GET
    @Path("{store_id}")
    public String get(@PathParam("store_id") String storeId) {
        return ManagementJson.store(stores.get(Caller.operator(request), PathIds.store(storeId)))
                .toString();
    }

    @PATCH
    @Path("{store_id}")
    public String change(@PathParam("store_id") String storeId, String body) {
        JsonRequest json = JsonRequest.parse(body);
        String name = json.has("name") ? json.requiredString("name") : null;
        String modeValue = json.optionalString("mode");
        String statusValue = json.optionalString("status");
        StoreMode mode =
                modeValue == null ? null : StoreMode.fromWire(modeValue).orElse(null);
        StoreStatus status =
                statusValue == null ? null : StoreStatus.fromWire(statusValue).orElse(null);
        if (modeValue != null && mode == null) {
            json.errors().add("mode", "must be test or live");
        }
        if (statusValue != null && status == null) {
            json.errors().add("status", "must be active or suspended");
        }
        ProfileChange profile = new ProfileChange(
                json.optionalString("description"),
                json.optionalString("logo_url"),
                json.optionalString("business_address"),
                json.optionalString("contact_phone"),
                json.optionalString("preferred_language"));
        BigDecimal percent = json.optionalDecimal("percent");
        json.validate();
        Store store = stores.change(
                Caller.operator(request),
                PathIds.store(storeId),
                new StoreChange(name, mode, status, profile, percent),
                Clients.of(request));
        return ManagementJson.store(store).toString();
    }
}
