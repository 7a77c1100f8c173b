package com.storefrontauth.api.resource.account;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.http.Representation;
import com.storefrontauth.domain.account.MerchantLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.metrics.annotation.Timed;

/** Sign-in, refresh and sign-out of merchant and platform-admin accounts. */
@Path("v1/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MerchantAccountResource {

    @Inject
    MerchantLogin login;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @Timed(name = "merchant_login", absolute = true, description = "Merchant and platform-admin password sign-ins")
    public String login(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String email = json.requiredString("email");
        String password = json.requiredString("password");
        json.validate();
        return Representation.merchantTokens(login.login(email, password, Clients.of(request))).toString();
    }

    @POST
    @Path("token/refresh")
    @Timed(name = "merchant_token_refresh", absolute = true, description = "Merchant refresh-token rotations")
    public String refresh(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String refreshToken = json.requiredString("refresh_token");
        json.validate();
        return Representation.merchantTokens(login.refresh(refreshToken, Clients.of(request))).toString();
    }

    @POST
    @Path("logout")
    public Response logout(String body) {
        JsonRequest json = JsonRequest.parse(body);
        String refreshToken = json.requiredString("refresh_token");
        json.validate();
        login.logout(refreshToken, Clients.of(request));
        return Response.noContent().build();
    }
}
