package com.storefrontauth.api.http;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the API. Every static {@code jakarta.json.Json.create…} call looks the
 * provider up through the service loader again, which under Payara's class loaders cost about a quarter
 * of the CPU of a token refresh (measured with JFR).
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {}
}
