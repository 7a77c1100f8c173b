package com.storefrontauth.api.resource.management;

import com.storefrontauth.api.http.Clients;
import com.storefrontauth.api.http.CsvResponse;
import com.storefrontauth.api.http.ManagementJson;
import com.storefrontauth.api.http.PathIds;
import com.storefrontauth.api.http.QueryNumbers;
import com.storefrontauth.api.http.WireFormat;
import com.storefrontauth.api.security.Caller;
import com.storefrontauth.api.security.ManagementRoute;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.domain.activity.AuditLogExport;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The store's audit log, newest first: JSON pages, or the whole filtered log as CSV. */
@Path("v1/stores/{store_id}/events")
@ManagementRoute
@RolesAllowed({Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource {

    @Inject
    AuditLog audit;

    @Inject
    AuditLogExport export;

    @Context
    HttpServletRequest request;

    @GET
    public String page(
            @PathParam("store_id") String storeId,
            @QueryParam("type") String type,
            @QueryParam("since") String since,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        AuditEventType eventType = type(type, errors);
        Instant from = since(since, errors);
        PageRequest pageRequest = QueryNumbers.page(page, size, errors);
        errors.throwIfAny();
        return WireFormat.page(
                        audit.page(Caller.operator(request), PathIds.store(storeId), eventType, from, pageRequest),
                        ManagementJson::event)
                .toString();
    }

    /** {@code Accept: text/csv}: every event under the filter (no pages), subjects named, streamed. */
    @GET
    @Produces(CsvResponse.TEXT_CSV_SECOND_CHOICE)
    public Response export(
            @PathParam("store_id") String storeId,
            @QueryParam("type") String type,
            @QueryParam("since") String since,
            @QueryParam("customer") String customer) {
        FieldErrors errors = new FieldErrors();
        AuditEventType eventType = type(type, errors);
        Instant from = since(since, errors);
        errors.throwIfAny();
        StoreId store = PathIds.store(storeId);
        return CsvResponse.of(
                export.start(Caller.operator(request), store, eventType, customer, from, Clients.of(request)),
                "audit-log-" + store.value());
    }

    private static AuditEventType type(String type, FieldErrors errors) {
        AuditEventType eventType = null;
        if (type != null && !type.isEmpty()) {
            eventType = AuditEventType.fromWire(type).orElse(null);
            if (eventType == null) {
                errors.add("type", "is not an event type");
            }
        }
        return eventType;
    }

    private static Instant since(String since, FieldErrors errors) {
        Instant from = null;
        if (since != null && !since.isEmpty()) {
            try {
                from = OffsetDateTime.parse(since).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("since", "must be an RFC 3339 time such as 2026-01-31T00:00:00Z");
            }
        }
        return from;
    }
}
