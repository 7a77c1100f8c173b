package com.storefrontauth.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void whenAnAddressIsParsedThenItIsTrimmedAndLowerCased() {
        assertThat(EmailAddress.parse("  Ada@Example.COM "))
                .map(EmailAddress::value)
                .contains("ada@example.com");
        assertThat(EmailAddress.parse("admin@localhost")).isPresent();
    }

    @Test
    void whenOneAddressIsTypedWithComposedOrDecomposedAccentsThenBothParseToTheSameNfcValue() {
        String composed = "jos\u00e9@example.com";
        String decomposed = "jose\u0301@example.com";
        String decomposedUpper = "JOSE\u0301@EXAMPLE.COM";

        assertThat(EmailAddress.parse(decomposed)).map(EmailAddress::value).contains(composed);
        assertThat(EmailAddress.parse(decomposedUpper)).isEqualTo(EmailAddress.parse(composed));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C",
                "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C"
            })
    void whenAnAddressHidesAZeroWidthOrBidiControlCharacterThenItIsRefused(String invisible) {
        assertThat(EmailAddress.parse("victim" + invisible + "@example.com")).isEmpty();
        assertThat(EmailAddress.parse("victim@exa" + invisible + "mple.com")).isEmpty();
        assertThat(EmailAddress.parse(invisible + "victim@example.com")).isEmpty();
        assertThat(EmailAddress.parse("victim@example.com" + invisible)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "a@b@c", "a b@example.com", "a@example..com", "a@", "tab\t@example.com"})
    void whenTheShapeIsWrongThenItIsRefused(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
    }
}
