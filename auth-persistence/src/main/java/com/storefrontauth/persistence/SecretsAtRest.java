package com.storefrontauth.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which secrets must come from configuration rather than from the database. Without them the signing
 * private keys are stored in clear and the code secret is generated into the database, so one read of
 * a database dump forges any token, a platform admin's included. That is accepted only for embedded H2
 * (a {@code jdbc:h2:} file or in-memory URL: the laptop default, the data in a folder of this host); any
 * other database (PostgreSQL, or an H2 server reached by {@code jdbc:h2:tcp:} / {@code jdbc:h2:ssl:})
 * needs both {@code AUTH_SIGNING_ENCRYPTION_KEY} and {@code AUTH_OTP_SECRET}.
 */
final class SecretsAtRest {

    static final String SIGNING_KEY = "AUTH_SIGNING_ENCRYPTION_KEY";
    static final String OTP_SECRET = "AUTH_OTP_SECRET";

    private SecretsAtRest() {}

    /** Why the service must not start with this database and these settings, if it must not. */
    static Optional<String> refusal(String url, Optional<String> signingKey, Optional<String> otpSecret) {
        if (embedded(url)) {
            return Optional.empty();
        }
        return missing(signingKey, otpSecret)
                .map(missing -> "Refusing to start: " + Database.redacted(url.strip())
                        + " is not the embedded H2 database, so " + required(missing));
    }

    /** An application server's JDBC resource is a shared, administered database: never the laptop default. */
    static Optional<String> refusalForResource(
            String jndiName, Optional<String> signingKey, Optional<String> otpSecret) {
        return missing(signingKey, otpSecret)
                .map(missing -> "Refusing to start: the application server's JDBC" + " resource " + jndiName
                        + " is not the embedded H2 database, so " + required(missing));
    }

    private static Optional<String> missing(Optional<String> signingKey, Optional<String> otpSecret) {
        List<String> missing = new ArrayList<>();
        if (blank(signingKey)) {
            missing.add(SIGNING_KEY);
        }
        if (blank(otpSecret)) {
            missing.add(OTP_SECRET);
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    private static String required(String missing) {
        return SIGNING_KEY + " (auth.signing.encryption-key) and " + OTP_SECRET
                + " (auth.otp.secret) must both be set, to keep signing keys and code secrets out of it; missing: "
                + missing;
    }

    private static boolean embedded(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    }

    private static boolean blank(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isEmpty();
    }
}
