package com.storefrontauth.domain.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a template may ask for: {@code {{code}}}, {@code {{store_name}}}, {@code {{minutes}}}, {@code {{link}}}. */
public enum Placeholder {
    CODE,
    STORE_NAME,
    MINUTES,
    LINK;

    public String token() {
        return "{{" + name().toLowerCase(Locale.ROOT) + "}}";
    }

    static Optional<Placeholder> named(String name) {
        return Arrays.stream(values())
                .filter(placeholder ->
                        placeholder.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst();
    }

    /** A secret never goes in a subject: subjects show in notifications and message lists. */
    boolean isSecret() {
        return this == CODE || this == LINK;
    }
}
