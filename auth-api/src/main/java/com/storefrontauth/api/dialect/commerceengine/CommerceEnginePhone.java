package com.storefrontauth.api.dialect.commerceengine;

import com.storefrontauth.api.http.JsonRequest;
import com.storefrontauth.domain.customer.CustomerIdentifier;
import com.storefrontauth.domain.customer.PhoneNumber;
import com.storefrontauth.domain.store.Store;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A Commerce Engine phone: the national digits in {@code phone}, the calling code in {@code country_code}. */
final class CommerceEnginePhone {

    /** Commerce Engine's own default when a phone comes without its calling code. */
    private static final String DEFAULT_CALLING_CODE = "+91";
    // Commerce Engine sends ten digits; other countries' national numbers are shorter or longer
    private static final Pattern NATIONAL_NUMBER = Pattern.compile("[0-9]{4,14}");

    private CommerceEnginePhone() {}

    /** The number in E.164, or a field error on {@code phone} in the request's errors. */
    static Optional<PhoneNumber> parse(JsonRequest json, String national, Store store) {
        String callingCode = json.optionalString("country_code");
        if (!NATIONAL_NUMBER.matcher(national).matches()) {
            json.errors().add("phone", "must be the number's digits without its country code");
            return Optional.empty();
        }
        return CustomerIdentifier.phone(
                national, Objects.requireNonNullElse(callingCode, DEFAULT_CALLING_CODE), store, json.errors());
    }
}
