package com.storefrontauth.api.resource.management;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.ManagementJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.Required;
import com.storefrontauth.api.http.SentMembers;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.shared.DomainException;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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

    private static final String MODES = "test|live";

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

    public record NewStore(
            @Required String name,

            @Pattern(regexp = MODES, message = "must be test or live")
            String mode) {}

    /** A PATCH: members not sent keep their value. */
    public record StoreEdit(
            @Pattern(regexp = Required.NOT_BLANK, message = "must not be blank")
            String name,

            @Pattern(regexp = MODES, message = "must be test or live")
            String mode,

            @Pattern(regexp = "active|suspended", message = "must be active or suspended")
            String status,

            String description,
            String logoUrl,
            String businessAddress,
            String contactPhone,
            String preferredLanguage,
            BigDecimal percent) {}

    @POST
    public Response open(@Valid NewStore body) {
        StoreMode mode = body.mode() == null
                ? StoreMode.TEST
                : StoreMode.fromWire(body.mode()).orElseThrow();
        Store store = stores.open(Caller.operator(request), body.name(), mode, Clients.of(request));
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
    public String change(@PathParam("store_id") String storeId, @Valid StoreEdit body) {
        if (body.name() == null && SentMembers.sent(request, "name")) {
            throw DomainException.invalidField("name", "is required");
        }
        StoreMode mode =
                body.mode() == null ? null : StoreMode.fromWire(body.mode()).orElseThrow();
        StoreStatus status = body.status() == null
                ? null
                : StoreStatus.fromWire(body.status()).orElseThrow();
        ProfileChange profile = new ProfileChange(
                body.description(),
                body.logoUrl(),
                body.businessAddress(),
                body.contactPhone(),
                body.preferredLanguage());
        Store store = stores.change(
                Caller.operator(request),
                PathIds.store(storeId),
                new StoreChange(body.name(), mode, status, profile, body.percent()),
                Clients.of(request));
        return ManagementJson.store(store).toString();
    }
}
