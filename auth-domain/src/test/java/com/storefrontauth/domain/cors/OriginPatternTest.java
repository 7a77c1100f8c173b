package com.storefrontauth.domain.cors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPatternTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://shop.example.com",
                "http://localhost:3000",
                "https://*.example.com",
                "http://127.0.0.1:8080",
                "HTTPS://Shop.Example.COM",
                "https://[::1]:8443"
            })
    void parseWhenOriginIsWellFormedThenAccepted(String origin) {
        assertThat(OriginPattern.parse(origin)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "shop.example.com",
                "ftp://shop.example.com",
                "https://shop.example.com/",
                "https://shop.example.com/path",
                "https://shop.example.com?q=1",
                "https://shop.example.com#f",
                "https://user@shop.example.com",
                "https://*.com",
                "https://*",
                "*",
                "https://a*.example.com",
                "https://*.*.example.com",
                "https://shop.example.com:0",
                "https://shop.example.com:70000",
                "https://shop_example.com",
                "https://shop.example.com.",
                " https://shop.example.com",
                "javascript://alert(1)",
                "https://-shop.example.com",
                "null"
            })
    void parseWhenOriginIsMalformedThenRefused(String origin) {
        assertThat(OriginPattern.parse(origin)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "https://shop.example.com, https://shop.example.com, true",
        "https://shop.example.com, https://shop.example.com:443, true",
        "https://shop.example.com, http://shop.example.com, false",
        "https://shop.example.com, https://shop.example.com:8443, false",
        "https://shop.example.com, https://evil.shop.example.com, false",
        "https://*.brand.example, https://shop.brand.example, true",
        "https://*.brand.example, https://a.b.brand.example, true",
        "https://*.brand.example, https://brand.example, false",
        "https://*.brand.example, https://brand.example.evil.example, false",
        "https://*.brand.example, https://evilbrand.example, false",
        "https://*.brand.example, http://shop.brand.example, false",
        "https://*.brand.example, https://shop.brand.example:8443, false",
        "http://localhost:3000, http://localhost:3000, true",
        "http://localhost:3000, http://localhost:3001, false"
    })
    void matchesWhenRequestOriginGivenThenOnlyExactOrSubdomainMatches(
            String allowed, String request, boolean expected) {
        OriginPattern pattern = OriginPattern.parse(allowed).orElseThrow();
        boolean matches =
                OriginPattern.parseRequestOrigin(request).map(pattern::matches).orElse(false);
        assertThat(matches).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "https://*.brand.example", "https://shop.brand.example/x", ""})
    void matchesWhenRequestOriginIsNotAnOriginThenNothingMatches(String request) {
        OriginPattern pattern = OriginPattern.parse("https://*.brand.example").orElseThrow();
        assertThat(OriginPattern.parseRequestOrigin(request)
                        .map(pattern::matches)
                        .orElse(false))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "HTTPS://Shop.Example.COM:443, https://shop.example.com",
        "http://localhost:80, http://localhost",
        "https://*.Example.com, https://*.example.com"
    })
    void toStringWhenParsedThenCanonical(String input, String canonical) {
        assertThat(OriginPattern.parse(input).orElseThrow()).hasToString(canonical);
    }
}
