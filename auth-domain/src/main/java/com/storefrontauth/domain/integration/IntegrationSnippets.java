package com.storefrontauth.domain.integration;

import com.storefrontauth.domain.store.StoreId;
import java.util.List;

/**
 * The snippets of a store's Integrate page, filled in with the store's id, key and our base URL, so that
 * each works as shown: the v1 routes by curl and by a browser's fetch, token verification, and the seed
 * dialects' base URLs. Values are quoted for the language they sit in.
 */
final class IntegrationSnippets {

    /** Shown in place of a key when the store has no active publishable key yet. */
    static final String NO_KEY = "pk_…";

    static final String SAMPLE_EMAIL = "shopper@example.com";
    static final String SAMPLE_PASSWORD = "a long and unusual passphrase 42";

    private final String base;
    private final String store;
    private final String key;
    private final String issuer;

    IntegrationSnippets(String baseUrl, StoreId store, String publishableKey, String issuer) {
        this.base = trimmed(baseUrl);
        this.store = store.value();
        this.key = publishableKey == null ? NO_KEY : publishableKey;
        this.issuer = issuer;
    }

    List<Snippet> all() {
        return List.of(
                curl("curl-sign-up", "Sign up (curl)", "register"),
                curl("curl-sign-in", "Sign in (curl)", "login"),
                fetch(),
                verification(),
                commerceEngine(),
                scalev(),
                luxmart());
    }

    private Snippet curl(String id, String title, String route) {
        String body = "{\"email\":\"" + SAMPLE_EMAIL + "\",\"password\":\"" + SAMPLE_PASSWORD + "\"}";
        return new Snippet(
                id,
                title,
                "shell",
                "curl -sS -X POST " + shell(auth() + "/" + route) + " \\\n"
                        + "  -H " + shell("X-Storefront-Api-Key: " + key) + " \\\n"
                        + "  -H 'Content-Type: application/json' \\\n"
                        + "  -d " + shell(body));
    }

    private Snippet fetch() {
        return new Snippet(
                "fetch",
                "Sign in from the browser (fetch)",
                "javascript",
                "const response = await fetch(" + js(auth() + "/login") + ", {\n"
                        + "  method: 'POST',\n"
                        + "  headers: { 'Content-Type': 'application/json', 'X-Storefront-Api-Key': " + js(key)
                        + " },\n"
                        + "  body: JSON.stringify({ email, password }),\n"
                        + "});\n"
                        + "const { access_token, refresh_token, user } = await response.json();");
    }

    private Snippet verification() {
        String trimmedIssuer = trimmed(issuer);
        return new Snippet(
                "verify",
                "Verify tokens in your back end",
                "text",
                "issuer:   " + issuer + "\n"
                        + "jwks_uri: " + trimmedIssuer + "/.well-known/jwks.json\n"
                        + "audience: " + store + "\n"
                        + "discovery: " + trimmedIssuer + "/.well-known/openid-configuration");
    }

    private Snippet commerceEngine() {
        return new Snippet(
                "commerce-engine",
                "Commerce Engine storefront SDK",
                "javascript",
                "import { createStorefront } from '@commercengine/storefront-sdk';\n\n"
                        + "const storefront = createStorefront({\n"
                        + "  storeId: " + js(store) + ",\n"
                        + "  apiKey: " + js(key) + ",\n"
                        + "  baseUrl: " + js(base + "/api/v1/" + store + "/storefront") + ",\n"
                        + "});");
    }

    private Snippet scalev() {
        return new Snippet(
                "scalev",
                "Scalev storefront",
                "text",
                "base URL: " + base + "/v3/stores/" + store + "\n" + "header:   X-Scalev-Storefront-Api-Key: " + key);
    }

    private Snippet luxmart() {
        return new Snippet("luxmart", "Luxmart store accounts", "text", "base URL: " + base + "/v1/accounts/");
    }

    private String auth() {
        return base + "/api/v1/stores/" + store + "/auth";
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Single quotes in a POSIX shell: nothing inside is special but the quote itself. */
    static String shell(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String js(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
}
