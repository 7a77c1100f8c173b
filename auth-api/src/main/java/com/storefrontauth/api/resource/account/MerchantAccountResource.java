package com.storefrontauth.api.resource.account;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.Required;
import com.storefrontauth.api.http.TokenJson;
import com.storefrontauth.api.security.ThrottledRoute;
import com.storefrontauth.domain.account.MerchantActivation;
import com.storefrontauth.domain.account.MerchantLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** Merchant sign-up and activation; sign-in, refresh and sign-out of merchant and platform-admin accounts. */
@Path("v1/accounts")
@ThrottledRoute
// one instance for all requests: building one per request (and re-registering its @Timed metrics) was ~30 % of
// /customers/me
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MerchantAccountResource {

    @Inject
    MerchantLogin login;

    @Inject
    MerchantActivation activation;

    @Inject
    HttpServletRequest request;

    public record SignUp(
            @Required String email,
            @Required String password,
            @Required String name,
            @Required String storeName) {}

    public record Activation(
            @Required String email,

            @Required @Size(max = 64, message = "is too long")
            String otp) {}

    public record SignIn(@Required String email, @Required String password) {}

    public record RefreshTokenBody(@Required String refreshToken) {}

    /** Merchant sign-up: an inactive account and its first store; the activation code is emailed. */
    @POST
    @Path("register")
    @Timed(name = "merchant_register", absolute = true, description = "Merchant sign-ups")
    public Response register(@Valid SignUp body) {
        activation.register(body.email(), body.password(), body.name(), body.storeName(), Clients.of(request));
        return Response.status(Response.Status.CREATED)
                .entity(JSON.createObjectBuilder()
                        .add("message", "Account created. Enter the activation code we emailed you to sign in.")
                        .build()
                        .toString())
                .build();
    }

    @POST
    @Path("activate")
    @Timed(name = "merchant_activate", absolute = true, description = "Merchant account activations")
    public String activate(@Valid Activation body) {
        return TokenJson.merchantTokens(activation.activate(body.email(), body.otp(), Clients.of(request)))
                .toString();
    }

    @POST
    @Path("login")
    @Timed(name = "merchant_login", absolute = true, description = "Merchant and platform-admin password sign-ins")
    public String login(@Valid SignIn body) {
        return TokenJson.merchantTokens(login.login(body.email(), body.password(), Clients.of(request)))
                .toString();
    }

    @POST
    @Path("token/refresh")
    @Timed(name = "merchant_token_refresh", absolute = true, description = "Merchant refresh-token rotations")
    public String refresh(@Valid RefreshTokenBody body) {
        return TokenJson.merchantTokens(login.refresh(body.refreshToken(), Clients.of(request)))
                .toString();
    }

    @POST
    @Path("logout")
    public Response logout(@Valid RefreshTokenBody body) {
        login.logout(body.refreshToken(), Clients.of(request));
        return Response.noContent().build();
    }
}
