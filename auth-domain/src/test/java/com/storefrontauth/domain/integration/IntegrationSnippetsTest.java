package com.storefrontauth.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.store.StoreId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationSnippetsTest {

    private static final StoreId STORE = StoreId.generate();

    @Test
    void whenTheStoreHasAKeyThenEverySnippetUsesItAndOurBaseUrlWithoutADoubleSlash() {
        List<Snippet> snippets = new IntegrationSnippets(
                        "https://auth.example.com/", STORE, "pk_test_abc", "https://auth.example.com")
                .all();

        assertThat(snippets)
                .extracting(Snippet::id)
                .containsExactly(
                        "curl-sign-up", "curl-sign-in", "fetch", "verify", "commerce-engine", "scalev", "luxmart");
        assertThat(text(snippets, "curl-sign-in")).isEqualTo("""
                curl -sS -X POST 'https://auth.example.com/api/v1/stores/%s/auth/login' \\
                  -H 'X-Storefront-Api-Key: pk_test_abc' \\
                  -H 'Content-Type: application/json' \\
                  -d '{"email":"shopper@example.com","password":"a long and unusual passphrase 42"}'""".formatted(STORE.value()));
        assertThat(text(snippets, "commerce-engine"))
                .contains("baseUrl: 'https://auth.example.com/api/v1/" + STORE.value() + "/storefront'");
        assertThat(text(snippets, "verify"))
                .contains("jwks_uri: https://auth.example.com/.well-known/jwks.json", "audience: " + STORE.value());
    }

    @Test
    void whenTheStoreHasNoKeyThenAPlaceholderStandsInForIt() {
        List<Snippet> snippets =
                new IntegrationSnippets("http://localhost:8080", STORE, null, "http://localhost:8080").all();

        assertThat(text(snippets, "curl-sign-up")).contains("X-Storefront-Api-Key: pk_…");
        assertThat(text(snippets, "commerce-engine")).contains("apiKey: 'pk_…'");
    }

    @Test
    void whenAValueHoldsAQuoteThenItStaysOneQuotedWordInShellAndOneStringInJavaScript() {
        assertThat(IntegrationSnippets.shell("it's")).isEqualTo("'it'\\''s'");
        assertThat(IntegrationSnippets.js("it's \\ new\nline")).isEqualTo("'it\\'s \\\\ new\\nline'");
    }

    private static String text(List<Snippet> snippets, String id) {
        return snippets.stream()
                .filter(snippet -> snippet.id().equals(id))
                .findFirst()
                .orElseThrow()
                .text();
    }
}
