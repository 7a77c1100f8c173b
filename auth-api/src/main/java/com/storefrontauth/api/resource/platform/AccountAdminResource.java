package com.storefrontauth.api.resource.platform;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.PlatformJson;
import com.storefrontauth.api.http.Required;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountStanding;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.PublicId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Merchant accounts as the platform admin manages them: disable one, enable it again. */
@Path("v1/admin/accounts")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

    @Inject
    AccountStanding standing;

    @Context
    HttpServletRequest request;

    public record StatusChange(
            @Required @Pattern(regexp = "active|disabled", message = "must be active or disabled")
            String status) {}

    @PATCH
    @Path("{account_id}")
    public String change(@PathParam("account_id") String accountId, @Valid StatusChange body) {
        AccountStatus status = body.status().equals("active") ? AccountStatus.ACTIVE : AccountStatus.DISABLED;
        if (!PublicId.isWellFormed(accountId, AccountId.PREFIX)) {
            throw DomainException.notFound("account");
        }
        return PlatformJson.account(standing.change(
                        Caller.operator(request), new AccountId(accountId), status, Clients.of(request)))
                .toString();
    }
}
