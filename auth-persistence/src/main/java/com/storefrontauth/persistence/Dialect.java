package com.storefrontauth.persistence;

import java.util.Locale;

/** The databases we run on, told apart by the JDBC URL; anything else is refused at startup. */
public enum Dialect {
    H2("jdbc:h2:", "org.h2.Driver", "sa"),
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver", null);

    private final String urlPrefix;
    private final String driverClassName;
    private final String defaultUser;

    Dialect(String urlPrefix, String driverClassName, String defaultUser) {
        this.urlPrefix = urlPrefix;
        this.driverClassName = driverClassName;
        this.defaultUser = defaultUser;
    }

    public static Dialect of(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (lower.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalStateException("auth.db.url must start with jdbc:h2: or jdbc:postgresql:, not "
                + (lower.isEmpty() ? "an empty value" : Database.redacted(url)));
    }

    public String driverClassName() {
        return driverClassName;
    }

    /** The user when {@code auth.db.user} is not set: H2's {@code sa}; none (the URL's) otherwise. */
    String defaultUser() {
        return defaultUser;
    }
}
