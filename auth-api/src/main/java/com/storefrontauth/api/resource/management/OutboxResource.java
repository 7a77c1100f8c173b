package com.storefrontauth.api.resource.management;

import com.storefrontauth.api.http.ManagementJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.QueryNumbers;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.delivery.Outbox;
import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The messages a test-mode store sent (or is sending), newest first, with the code while it is kept. */
@Path("v1/stores/{store_id}/outbox")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    @Inject
    Outbox outbox;

    @Context
    HttpServletRequest request;

    @GET
    public String page(
            @PathParam("store_id") String storeId, @QueryParam("page") String page, @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        PageRequest pageRequest = QueryNumbers.page(page, size, errors);
        errors.throwIfAny();
        return WireFormat.page(
                        outbox.page(Caller.operator(request), PathIds.store(storeId), pageRequest),
                        ManagementJson::outboxEntry)
                .toString();
    }
}
