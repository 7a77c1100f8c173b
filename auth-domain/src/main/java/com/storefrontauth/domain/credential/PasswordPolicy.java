package com.storefrontauth.domain.credential;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NIST 800-63B §5.1.1.2 password rules: a minimum length (the store's, at least 8), at most 256
 * characters, no composition rules, Unicode allowed (counted after NFKC), and never one of the 100,000
 * most common passwords (the list nbvcxz ships).
 */
public final class PasswordPolicy {

    public static final int MAX_LENGTH = 256;
    private static final String COMMON_PASSWORDS = "/dictionaries/passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Refuses with 422 {@code weak_password} and a field error naming {@code field}. */
    public static void check(String field, String password, long minLength) {
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < minLength) {
            throw weak(field, "must be at least " + minLength + " characters");
        }
        if (length > MAX_LENGTH) {
            throw weak(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (COMMON.contains(normalised.toLowerCase(Locale.ROOT))) {
            throw weak(field, "is one of the most commonly used passwords; choose another");
        }
    }

    private static DomainException weak(String field, String message) {
        return new DomainException(
                ErrorCode.WEAK_PASSWORD,
                "The password does not meet the store's password rules.",
                Map.of(field, java.util.List.of(message)),
                Map.of(),
                null);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(120_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list " + COMMON_PASSWORDS + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.length() >= 8) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
