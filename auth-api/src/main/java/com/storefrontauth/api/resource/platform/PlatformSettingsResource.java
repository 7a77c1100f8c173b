package com.storefrontauth.api.resource.platform;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimitsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The platform limits (platform admins only); a PUT may send any subset of settings, the rest keep their value. */
@Path("v1/admin/settings")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformSettingsResource {

    @Inject
    PlatformLimitsService limits;

    @Context
    HttpServletRequest request;

    @GET
    public String get() {
        return representation(limits.get(Caller.operator(request)));
    }

    @PUT
    public String amend(String body) {
        // read as a map, not a record: the domain's field table owns the names, types and ranges of a partial update
        // (an unknown name is refused by name), and a record would copy it
        JsonRequest json = JsonRequest.parse(body);
        Map<String, Object> changes = json.scalars();
        json.validate();
        return representation(limits.amend(Caller.operator(request), changes, Clients.of(request)));
    }

    private static String representation(PlatformLimits current) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        current.asMap().forEach(object::add);
        return object.build().toString();
    }
}
