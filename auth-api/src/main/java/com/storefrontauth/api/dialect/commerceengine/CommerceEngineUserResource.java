package com.storefrontauth.api.dialect.commerceengine;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.CustomerRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.api.security.ThrottledRoute;
import com.storefrontauth.domain.customer.Customer;
import com.storefrontauth.domain.customer.CustomerAccount;
import com.storefrontauth.domain.customer.CustomerId;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.store.Store;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Commerce Engine's user routes ({@code /api/v1/{store_id}/storefront/auth/user/{user_id}…}): the signed-in
 * customer's own details, their update and erasure, over the same use cases as v1's {@code /customers/me}.
 */
@Path("v1/{store_id}/storefront/auth/user")
@CommerceEngineRoute
@ThrottledRoute
// one instance for all requests, like the v1 resources
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommerceEngineUserResource {

    @Inject
    CustomerAccount customers;

    @Inject
    HttpServletRequest request;

    @GET
    @Path("{user_id}")
    @CustomerRoute
    @RolesAllowed(Roles.CUSTOMER)
    public String user(@PathParam("user_id") String id) {
        Store store = Caller.store(request);
        return CommerceEngineUser.answer(store, customers.get(store.id(), own(id)), "User details.");
    }

    /** Names change here; an email or phone changes only through a code ({@code generate-otp}, {@code update-*}). */
    @PUT
    @Path("{user_id}")
    @CustomerRoute
    @RolesAllowed(Roles.CUSTOMER)
    public String updateUser(@PathParam("user_id") String id, String body) {
        Store store = Caller.store(request);
        CustomerId customer = own(id);
        JsonRequest json = JsonRequest.parse(body);
        String firstName = json.optionalString("first_name");
        String lastName = json.optionalString("last_name");
        Customer current = customers.get(store.id(), customer);
        String email = json.optionalString("email");
        if (email != null
                && !Optional.ofNullable(current.email())
                        .map(EmailAddress::value)
                        .equals(EmailAddress.parse(email).map(EmailAddress::value))) {
            json.errors().add("email", "changes through generate-otp with otp_action update-email");
        }
        String phone = json.optionalString("phone");
        if (phone != null
                && !Optional.ofNullable(current.phone()).equals(CommerceEnginePhone.parse(json, phone, store))) {
            json.errors().add("phone", "changes through generate-otp with otp_action update-phone");
        }
        json.validate();
        CustomerAccount.NameChange change =
                new CustomerAccount.NameChange(firstName, json.has("first_name"), lastName, json.has("last_name"));
        return CommerceEngineUser.answer(
                store, customers.rename(store.id(), customer, change, Clients.of(request)), "User updated.");
    }

    /** Erasure is proved as on v1: the password, or a fresh {@code verify} code, in the body. */
    @DELETE
    @Path("{user_id}")
    @CustomerRoute
    @RolesAllowed(Roles.CUSTOMER)
    public String deleteUser(@PathParam("user_id") String id, String body) {
        Store store = Caller.store(request);
        CustomerId customer = own(id);
        JsonRequest json = JsonRequest.parse(body == null || body.isBlank() ? "{}" : body);
        String password = json.optionalString("password");
        String otpToken = json.optionalString("otp_token");
        String otp = json.optionalString("otp");
        if (password == null && (otpToken == null || otp == null)) {
            json.errors().add("password", "send the password, or an otp_token and otp of a verify code");
        }
        json.validate();
        if (password != null) {
            customers.erase(store, customer, password, Clients.of(request));
        } else {
            customers.eraseWithCode(store, customer, otpToken, otp, Clients.of(request));
        }
        return JSON.createObjectBuilder()
                .add("message", "User deleted.")
                .add("success", true)
                .build()
                .toString();
    }

    @PUT
    @Path("{user_id}/deactivate")
    public Response deactivateUser() {
        return Envelope.notOffered("A customer cannot deactivate their own account here; the store's operators "
                + "disable accounts, and DELETE /auth/user/{id} erases one.");
    }

    @GET
    @Path("{user_id}/profile-image")
    public Response profileImage() {
        return noProfileImages();
    }

    @POST
    @Path("{user_id}/profile-image")
    public Response addProfileImage() {
        return noProfileImages();
    }

    @PUT
    @Path("{user_id}/profile-image")
    public Response updateProfileImage() {
        return noProfileImages();
    }

    @DELETE
    @Path("{user_id}/profile-image")
    public Response deleteProfileImage() {
        return noProfileImages();
    }

    private static Response noProfileImages() {
        return Envelope.notOffered("Profile images are not kept; profile_image_url is always null.");
    }

    /** The path's user must be the bearer's own customer; any other id is not found. */
    private CustomerId own(String id) {
        CustomerId customer = Caller.customer(request);
        if (!customer.value().equals(id)) {
            throw DomainException.notFound("user");
        }
        return customer;
    }
}
