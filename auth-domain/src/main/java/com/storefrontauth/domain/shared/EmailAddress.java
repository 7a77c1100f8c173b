package com.storefrontauth.domain.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address compared the way API.md says: trimmed and case-insensitive, and in Unicode NFC so
 * that one address typed with composed or decomposed accents is one account. Invisible characters
 * (zero-width and bidirectional controls) are refused: they would let two addresses that look the same
 * on screen, in the console and in the audit log, belong to different people. The shape check is
 * deliberately loose (one @, a domain of non-empty labels, no spaces or controls; {@code admin@localhost}
 * is valid); delivery proves the rest.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*");
    /** Zero-width (U+200B–U+200D, U+2060, U+FEFF) and bidi controls (U+200E/F, U+202A–E, U+2066–9, U+061C). */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069\\u061C]");

    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = Normalizer.normalize(raw.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        if (normalised.length() > MAX_LENGTH
                || normalised.chars().anyMatch(Character::isISOControl)
                || INVISIBLE.matcher(normalised).find()
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
