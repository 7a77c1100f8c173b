package com.storefrontauth.api.resource.management;

import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.QueryNumbers;
import com.storefrontauth.api.http.Representation;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The store's audit log, newest first. */
@Path("v1/stores/{store_id}/events")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource {

    @Inject
    AuditLog audit;

    @Context
    HttpServletRequest request;

    @GET
    public String page(@PathParam("store_id") String storeId, @QueryParam("type") String type,
            @QueryParam("since") String since, @QueryParam("page") String page, @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        AuditEventType eventType = null;
        if (type != null && !type.isEmpty()) {
            eventType = AuditEventType.fromWire(type).orElse(null);
            if (eventType == null) {
                errors.add("type", "is not an event type");
            }
        }
        Instant from = null;
        if (since != null && !since.isEmpty()) {
            try {
                from = OffsetDateTime.parse(since).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("since", "must be an RFC 3339 time such as 2026-01-31T00:00:00Z");
            }
        }
        PageRequest pageRequest = QueryNumbers.page(page, size, errors);
        errors.throwIfAny();
        return Representation.page(audit.page(Caller.operator(request), PathIds.store(storeId), eventType, from,
                pageRequest), Representation::event).toString();
    }
}
