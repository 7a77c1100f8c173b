package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.CsvDownload;
import com.storefrontauth.domain.shared.CsvLine;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A store's customers (the search's matches, or all) as CSV, written row by row as the database hands them
 * over. Every export is audited, committed before the first row: a download cut off half-way still handed
 * customer data out.
 */
@ApplicationScoped
public class CustomerExport {

    static final List<String> HEADER = List.of(
            "id",
            "email",
            "phone",
            "first_name",
            "last_name",
            "status",
            "email_verified",
            "phone_verified",
            "created_at");

    private CustomerRepository customers;
    private StoreAccess access;
    private AuditLog audit;
    private Transactions transactions;

    protected CustomerExport() {
        // for CDI proxies
    }

    @Inject
    public CustomerExport(CustomerRepository customers, StoreAccess access, AuditLog audit, Transactions transactions) {
        this.customers = customers;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Refuses (another store, a bad query) before anything is written; audits the export once allowed. */
    public CsvDownload start(Operator operator, StoreId store, String query, ClientInfo client) {
        String matching = query == null || query.isBlank() ? null : query.strip();
        if (matching != null && (matching.length() > 254 || matching.chars().anyMatch(Character::isISOControl))) {
            throw DomainException.invalidField("q", "must be at most 254 characters without control characters");
        }
        transactions.required(() -> {
            access.require(operator, store);
            audit.record(
                    store,
                    AuditEventType.CUSTOMERS_EXPORTED,
                    operator.subject(),
                    client,
                    Map.of("query", matching == null ? "" : matching));
        });
        return out -> transactions.required(() -> {
            line(out, HEADER);
            customers.each(store, matching, customer -> line(out, row(customer)));
        });
    }

    private static List<String> row(Customer customer) {
        return Arrays.asList(
                customer.id().value(),
                customer.email() == null ? null : customer.email().value(),
                customer.phone() == null ? null : customer.phone().e164(),
                customer.firstName(),
                customer.lastName(),
                customer.status().wireValue(),
                String.valueOf(customer.emailVerified()),
                String.valueOf(customer.phoneVerified()),
                customer.createdAt().toString());
    }

    private static void line(Writer out, List<String> fields) {
        try {
            out.write(CsvLine.of(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
