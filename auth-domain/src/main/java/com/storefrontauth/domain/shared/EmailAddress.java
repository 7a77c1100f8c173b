package com.storefrontauth.domain.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address compared the way API.md says: trimmed and case-insensitive. The shape check is
 * deliberately loose (one @, a domain of non-empty labels, no spaces or controls; {@code admin@localhost} is valid); delivery proves the rest.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*");

    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = raw.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > MAX_LENGTH || normalised.chars().anyMatch(Character::isISOControl)
                || !SHAPE.matcher(normalised).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(normalised));
    }

    @Override
    public String toString() {
        return value;
    }
}
