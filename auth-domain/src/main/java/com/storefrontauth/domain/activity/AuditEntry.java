package com.storefrontauth.domain.activity;

import com.storefrontauth.domain.audit.AuditEvent;
import java.util.TreeMap;

/**
 * An audit event with its subject named as a merchant knows it: a customer's email or phone, a merchant's
 * email, or {@code erased customer} for a customer who deleted their account. The id stays in the event.
 */
public record AuditEntry(AuditEvent event, String subjectName) {

    static final String ERASED = "erased customer";

    /** The event's details as one readable line, in a stable order. */
    public String detailsLine() {
        return String.join(
                ", ",
                new TreeMap<>(event.details())
                        .entrySet().stream()
                                .map(entry -> entry.getKey() + ": " + entry.getValue())
                                .toList());
    }

    public boolean erased() {
        return ERASED.equals(subjectName);
    }

    /** The subject reads differently from its id, so the id is worth offering to copy. */
    public boolean named() {
        return subjectName != null && !subjectName.equals(event.subject());
    }
}
