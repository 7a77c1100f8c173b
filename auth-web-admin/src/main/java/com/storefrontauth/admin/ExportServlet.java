package com.storefrontauth.admin;

import com.storefrontauth.domain.activity.AuditLogExport;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.customer.CustomerExport;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.StoreId;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The console's CSV downloads, streamed straight to the response: {@code customers.csv?store=…&q=…} and
 * {@code events.csv?store=…&type=…&customer=…&days=…} (the filters of the two pages). Behind the console's
 * sign-in gate like every {@code /admin} path.
 */
@WebServlet("/admin/export/*")
public class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_DAYS = 7;
    private static final int MAX_DAYS = 366;

    @Inject
    ConsoleSession session;

    @Inject
    CustomerExport customers;

    @Inject
    AuditLogExport events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            StoreId store = StorePage.parse(request.getParameter("store"));
            switch (file) {
                case "/customers.csv" ->
                    customers
                            .start(session.operator(), store, request.getParameter("q"), Feedback.client(request))
                            .writeTo(start(response, "customers-" + store.value()));
                case "/events.csv" ->
                    events.start(
                                    session.operator(),
                                    store,
                                    type(request.getParameter("type")),
                                    request.getParameter("customer"),
                                    Instant.now().minus(Duration.ofDays(days(request))),
                                    Feedback.client(request))
                            .writeTo(start(response, "audit-log-" + store.value()));
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            response.getWriter().flush();
        } catch (DomainException refused) {
            // refused before the first row: nothing of the file was set yet
            response.sendError(refused.code().status(), refused.getMessage());
        }
    }

    private static Writer start(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        return response.getWriter();
    }

    private static AuditEventType type(String wire) {
        return wire == null || wire.isBlank()
                ? null
                : AuditEventType.fromWire(wire)
                        .orElseThrow(() -> DomainException.invalidField("type", "is not an event type"));
    }

    private static int days(HttpServletRequest request) {
        try {
            String value = request.getParameter("days");
            return value == null ? DEFAULT_DAYS : Math.max(1, Math.min(MAX_DAYS, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw DomainException.invalidField("days", "must be a whole number of days");
        }
    }
}
