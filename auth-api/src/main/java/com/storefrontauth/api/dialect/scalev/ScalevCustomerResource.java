package com.storefrontauth.api.dialect.scalev;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.CustomerRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.customer.CustomerAccount;
import com.storefrontauth.domain.store.Store;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in customer's account in Scalev's shape; the bearer token is checked by the shared customer filter. */
@Path("v3/stores/{store_id}/customers/me")
@ScalevRoute
@CustomerRoute
@RolesAllowed(Roles.CUSTOMER)
// one instance for all requests: building one per request (and re-registering its @Timed metrics) was ~30 % of
// /customers/me
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScalevCustomerResource {

    @Inject
    CustomerAccount account;

    @Inject
    HttpServletRequest request;

    @GET
    public String me() {
        Store store = Caller.store(request);
        return ScalevBodies.account(account.get(store.id(), Caller.customer(request)), store)
                .toString();
    }

    /** Names only: the email is the sign-in identity and changes only through a confirmed code (v1). */
    @PATCH
    public String update(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String firstName = json.optionalString("first_name");
        String lastName = json.optionalString("last_name");
        if (json.has("email")) {
            json.errors().add("email", "is read-only");
        }
        json.validate();
        Store store = Caller.store(request);
        CustomerAccount.NameChange change =
                new CustomerAccount.NameChange(firstName, json.has("first_name"), lastName, json.has("last_name"));
        return ScalevBodies.account(
                        account.rename(store.id(), Caller.customer(request), change, Clients.of(request)), store)
                .toString();
    }

    /** As v1's password change: the current password, under the sign-in lockout; other sessions end. */
    @POST
    @Path("set-new-password")
    public Response setNewPassword(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String current = json.requiredString("current_password");
        String next = json.requiredString("new_password");
        json.validate();
        account.changePassword(
                Caller.store(request),
                Caller.customer(request),
                Caller.session(request),
                current,
                next,
                Clients.of(request));
        return Response.noContent().build();
    }
}
