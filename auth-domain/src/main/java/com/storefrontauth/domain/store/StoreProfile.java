package com.storefrontauth.domain.store;

import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.shared.FieldErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store tells about itself: a description, a logo, its business address, a contact phone (E.164,
 * normalised like customers' phones) and its preferred language. Only the language is always set; the
 * others are empty strings until given.
 */
public record StoreProfile(
        String description,
        String logoUrl,
        String businessAddress,
        String contactPhone,
        StoreLanguage preferredLanguage) {

    public static final StoreProfile EMPTY = new StoreProfile("", "", "", "", StoreLanguage.DEFAULT);

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_LOGO_URL = 500;
    static final int MAX_ADDRESS = 300;

    /** This profile with the change applied; every invalid field is reported at once (400 naming each). */
    public StoreProfile amend(ProfileChange change) {
        FieldErrors errors = new FieldErrors();
        String newDescription = change.description() == null
                ? description
                : text(change.description(), "description", MAX_DESCRIPTION, errors);
        String newAddress = change.businessAddress() == null
                ? businessAddress
                : text(change.businessAddress(), "business_address", MAX_ADDRESS, errors);
        String newLogo = change.logoUrl() == null ? logoUrl : logo(change.logoUrl(), errors);
        String newPhone = change.contactPhone() == null ? contactPhone : phone(change.contactPhone(), errors);
        StoreLanguage newLanguage = preferredLanguage;
        if (change.preferredLanguage() != null) {
            newLanguage = StoreLanguage.parse(change.preferredLanguage()).orElse(null);
            if (newLanguage == null) {
                errors.add(
                        "preferred_language",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        StoreLanguage.SUPPORTED.stream()
                                                .sorted()
                                                .toList()));
            }
        }
        errors.throwIfAny();
        return new StoreProfile(newDescription, newLogo, newAddress, newPhone, newLanguage);
    }

    /** Line breaks are allowed (addresses and descriptions have lines); other control characters are not. */
    private static String text(String value, String field, int max, FieldErrors errors) {
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        } else if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(field, "must not contain control characters other than line breaks");
        }
        return trimmed;
    }

    /** An absolute https URL with a host and no credentials: a logo is shown to strangers' browsers. */
    private static String logo(String value, FieldErrors errors) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        String message = "must be an https URL of at most " + MAX_LOGO_URL + " characters";
        if (trimmed.length() > MAX_LOGO_URL || trimmed.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            errors.add("logo_url", message);
            return trimmed;
        }
        try {
            URI uri = new URI(trimmed);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                errors.add("logo_url", message);
            }
        } catch (URISyntaxException malformed) {
            errors.add("logo_url", message);
        }
        return trimmed;
    }

    private static String phone(String value, FieldErrors errors) {
        if (value.isBlank()) {
            return "";
        }
        return PhoneNumber.parse(value, null, null).map(PhoneNumber::e164).orElseGet(() -> {
            errors.add("contact_phone", "must be a phone number with its calling code, like +994501234567");
            return value;
        });
    }

    /** The profile as the management API and the console show it. */
    public Map<String, String> asMap() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("description", description);
        fields.put("logo_url", logoUrl);
        fields.put("business_address", businessAddress);
        fields.put("contact_phone", contactPhone);
        fields.put("preferred_language", preferredLanguage.tag());
        return fields;
    }
}
