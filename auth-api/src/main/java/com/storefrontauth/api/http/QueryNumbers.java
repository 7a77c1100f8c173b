package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.FieldErrors;
import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;

/** {@code page} and {@code size} query parameters, validated like any other field. */
public final class QueryNumbers {

    public static final int DEFAULT_SIZE = 20;

    private QueryNumbers() {}

    /** The requested page (1 and 20 by default); bad values are added to {@code errors}. */
    public static PageRequest page(String page, String size, FieldErrors errors) {
        int pageNumber = number(page, 1, "page", errors);
        int pageSize = number(size, DEFAULT_SIZE, "size", errors);
        if (pageNumber < 1) {
            errors.add("page", "must be 1 or more");
        }
        if (pageSize < 1 || pageSize > Page.MAX_SIZE) {
            errors.add("size", "must be between 1 and " + Page.MAX_SIZE);
        }
        return errors.isEmpty() ? new PageRequest(pageNumber, pageSize) : null;
    }

    private static int number(String value, int fallback, String name, FieldErrors errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.add(name, "must be a whole number");
            return fallback;
        }
    }
}
