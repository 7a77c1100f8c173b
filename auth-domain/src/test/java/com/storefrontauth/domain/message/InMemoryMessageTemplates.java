package com.storefrontauth.domain.message;

import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.InMemoryStores;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Stores' templates in memory, and {@link MessageTemplates} wired by hand over them. */
public class InMemoryMessageTemplates implements MessageTemplateRepository {

    private final Map<StoreId, Map<MessageKind, MessageTemplate>> rows = new HashMap<>();

    /** Composes messages for stores nobody has worded or profiled: the built-in English. */
    public static MessageTemplates composing() {
        MessageTemplates templates = new MessageTemplates();
        templates.templates = new InMemoryMessageTemplates();
        templates.stores = InMemoryStores.of();
        return templates;
    }

    public static MessageTemplates over(
            InMemoryMessageTemplates rows,
            StoreRepository stores,
            StoreAccess access,
            AuditLog audit,
            Transactions transactions,
            Clock clock) {
        MessageTemplates templates = new MessageTemplates();
        templates.templates = rows;
        templates.stores = stores;
        templates.access = access;
        templates.audit = audit;
        templates.transactions = transactions;
        templates.clock = clock;
        return templates;
    }

    @Override
    public synchronized Optional<MessageTemplate> find(StoreId store, MessageKind kind) {
        return Optional.ofNullable(rows.getOrDefault(store, Map.of()).get(kind));
    }

    @Override
    public synchronized Map<MessageKind, MessageTemplate> findAll(StoreId store) {
        return Map.copyOf(rows.getOrDefault(store, Map.of()));
    }

    @Override
    public synchronized void save(StoreId store, MessageKind kind, MessageTemplate template, Instant at) {
        rows.computeIfAbsent(store, any -> new EnumMap<>(MessageKind.class)).put(kind, template);
    }

    @Override
    public synchronized boolean delete(StoreId store, MessageKind kind) {
        return rows.getOrDefault(store, new EnumMap<>(MessageKind.class)).remove(kind) != null;
    }
}
