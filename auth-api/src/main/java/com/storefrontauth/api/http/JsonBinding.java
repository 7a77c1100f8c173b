package com.storefrontauth.api.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The one JSON-B configuration of the API: request records bind by their snake_case names (API.md). */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    // built once: creating a Jsonb looks the provider up and builds its model caches
    private static final Jsonb JSONB =
            JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(new WireNames()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
