package com.storefrontauth.api.resource.management;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CsvResponse;
import com.storefrontauth.api.http.CustomerJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.QueryNumbers;
import com.storefrontauth.api.http.Required;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.customer.CustomerAdministration;
import com.storefrontauth.domain.customer.CustomerExport;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.customer.CustomerStatus;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A store's customers as its operators manage them. */
@Path("v1/stores/{store_id}/customers")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerAdminResource {

    @Inject
    CustomerAdministration customers;

    @Inject
    CustomerExport export;

    @Context
    HttpServletRequest request;

    @PathParam("store_id")
    String storeId;

    @GET
    public String search(
            @QueryParam("q") String query, @QueryParam("page") String page, @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        PageRequest pageRequest = QueryNumbers.page(page, size, errors);
        errors.throwIfAny();
        return WireFormat.page(
                        customers.search(Caller.operator(request), PathIds.store(storeId), query, pageRequest),
                        CustomerJson::customer)
                .toString();
    }

    /** {@code Accept: text/csv}: every match of {@code q} (no pages), streamed. */
    @GET
    @Produces(CsvResponse.TEXT_CSV_SECOND_CHOICE)
    public Response export(@QueryParam("q") String query) {
        StoreId store = PathIds.store(storeId);
        return CsvResponse.of(
                export.start(Caller.operator(request), store, query, Clients.of(request)),
                "customers-" + store.value());
    }

    @GET
    @Path("{customer_id}")
    public String get(@PathParam("customer_id") String customerId) {
        return CustomerJson.customer(
                        customers.get(Caller.operator(request), PathIds.store(storeId), customer(customerId)))
                .toString();
    }

    public record StatusChange(
            @Required @Pattern(regexp = "active|disabled", message = "must be active or disabled")
            String status) {}

    @PATCH
    @Path("{customer_id}")
    public String changeStatus(@PathParam("customer_id") String customerId, @Valid StatusChange body) {
        CustomerStatus status = CustomerStatus.fromWire(body.status()).orElseThrow();
        return CustomerJson.customer(customers.changeStatus(
                        Caller.operator(request),
                        PathIds.store(storeId),
                        customer(customerId),
                        status,
                        Clients.of(request)))
                .toString();
    }

    @DELETE
    @Path("{customer_id}/sessions")
    public Response revokeAllSessions(@PathParam("customer_id") String customerId) {
        customers.revokeAllSessions(
                Caller.operator(request), PathIds.store(storeId), customer(customerId), Clients.of(request));
        return Response.noContent().build();
    }

    private static CustomerId customer(String value) {
        return CustomerId.parse(value).orElseThrow(() -> DomainException.notFound("customer"));
    }
}
