package com.storefrontauth.api.resource.management;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.customer.CustomerAdministration;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A store's active sessions as its operators see and end them. */
@Path("v1/stores/{store_id}/sessions")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionAdminResource {

    @Inject
    CustomerAdministration customers;

    @Context
    HttpServletRequest request;

    @PathParam("store_id")
    String storeId;

    @GET
    public String list(@QueryParam("customer_id") String customerId) {
        CustomerId customer = null;
        if (customerId != null && !customerId.isEmpty()) {
            customer = CustomerId.parse(customerId)
                    .orElseThrow(() -> DomainException.invalidField("customer_id", "is not a customer id"));
        }
        return JSON.createObjectBuilder()
                .add(
                        "items",
                        WireFormat.list(
                                customers.activeSessions(Caller.operator(request), PathIds.store(storeId), customer),
                                session -> CustomerJson.session(session, null)))
                .build()
                .toString();
    }

    @DELETE
    @Path("{session_id}")
    public Response revoke(@PathParam("session_id") String sessionId) {
        SessionId id = SessionId.parse(sessionId).orElseThrow(() -> DomainException.notFound("session"));
        customers.revokeSession(Caller.operator(request), PathIds.store(storeId), id, Clients.of(request));
        return Response.noContent().build();
    }
}
