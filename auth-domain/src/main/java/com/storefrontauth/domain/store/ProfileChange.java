package com.storefrontauth.domain.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial update of a store's profile: null members stay as they are, an empty string clears an
 * optional one.
 */
public record ProfileChange(
        String description, String logoUrl, String businessAddress, String contactPhone, String preferredLanguage) {

    public static final ProfileChange NONE = new ProfileChange(null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The wire names of the members this change sets. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        addIfSet(fields, "description", description);
        addIfSet(fields, "logo_url", logoUrl);
        addIfSet(fields, "business_address", businessAddress);
        addIfSet(fields, "contact_phone", contactPhone);
        addIfSet(fields, "preferred_language", preferredLanguage);
        return fields;
    }

    private static void addIfSet(List<String> fields, String name, String value) {
        if (value != null) {
            fields.add(name);
        }
    }
}
