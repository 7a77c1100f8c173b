package com.storefrontauth.domain.message;

import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A store's own wording of its messages; a kind it has not worded is absent (the built-in text applies). */
public interface MessageTemplateRepository {

    Optional<MessageTemplate> find(StoreId store, MessageKind kind);

    Map<MessageKind, MessageTemplate> findAll(StoreId store);

    /** Inserts or replaces the store's template of that kind. */
    void save(StoreId store, MessageKind kind, MessageTemplate template, Instant at);

    /** @return whether the store had a template of that kind */
    boolean delete(StoreId store, MessageKind kind);
}
