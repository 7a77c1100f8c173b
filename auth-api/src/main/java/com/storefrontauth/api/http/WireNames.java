package com.storefrontauth.api.http;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.lang.reflect.RecordComponent;

/**
 * The JSON name of a request record's component: {@code countryCode} is {@code country_code} (API.md's snake_case),
 * unless {@code @JsonbProperty} names it. JSON-B binds by these names and errors report them, so both agree.
 */
public final class WireNames implements PropertyNamingStrategy {

    @Override
    public String translateName(String propertyName) {
        StringBuilder name = new StringBuilder(propertyName.length() + 4);
        for (int i = 0; i < propertyName.length(); i++) {
            char c = propertyName.charAt(i);
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    static String of(RecordComponent component) {
        JsonbProperty given = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (given != null && !given.value().isEmpty()) {
            return given.value();
        }
        return new WireNames().translateName(component.getName());
    }
}
