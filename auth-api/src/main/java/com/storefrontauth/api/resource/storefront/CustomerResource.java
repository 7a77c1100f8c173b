package com.storefrontauth.api.resource.storefront;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.http.Representation;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.CustomerRoute;
import com.storefrontauth.api.security.StorefrontRoute;
import com.storefrontauth.domain.customer.CustomerAccount;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.Store;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in customer's own account: profile, password, sessions, erasure. */
@Path("v1/stores/{store_id}/customers/me")
@StorefrontRoute
@CustomerRoute
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    CustomerAccount account;

    @Context
    HttpServletRequest request;

    @GET
    public String me() {
        return Representation.user(account.get(Caller.store(request).id(), Caller.customer(request))).toString();
    }

    @PATCH
    public String rename(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String firstName = json.optionalString("first_name");
        String lastName = json.optionalString("last_name");
        json.validate();
        CustomerAccount.NameChange change = new CustomerAccount.NameChange(firstName, json.has("first_name"),
                lastName, json.has("last_name"));
        return Representation.user(account.rename(Caller.store(request).id(), Caller.customer(request), change,
                Clients.of(request))).toString();
    }

    @POST
    @Path("password")
    public Response changePassword(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String current = json.requiredString("current_password");
        String next = json.requiredString("new_password");
        json.validate();
        account.changePassword(Caller.store(request), Caller.customer(request), Caller.session(request), current, next,
                Clients.of(request));
        return Response.noContent().build();
    }

    @DELETE
    public Response erase(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String password = json.requiredString("password");
        json.validate();
        Store store = Caller.store(request);
        account.erase(store, Caller.customer(request), password, Clients.of(request));
        return Response.noContent().build();
    }

    @GET
    @Path("sessions")
    public String sessions() {
        SessionId current = Caller.session(request);
        return Representation.list(account.sessions(Caller.store(request).id(), Caller.customer(request)),
                session -> Representation.session(session, current)).build().toString();
    }

    @DELETE
    @Path("sessions/{session_id}")
    public Response endSession(@PathParam("session_id") String sessionId) {
        SessionId target = SessionId.parse(sessionId).orElseThrow(() -> DomainException.notFound("session"));
        account.endSession(Caller.store(request).id(), Caller.customer(request), target, Clients.of(request));
        return Response.noContent().build();
    }
}
