package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplate;
import com.storefrontauth.domain.message.MessageTemplateRepository;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Stores' own message templates, one row per store and kind; a kind no longer known is skipped. */
@ApplicationScoped
public class JdbcMessageTemplateRepository implements MessageTemplateRepository {

    @Inject
    Sql sql;

    protected JdbcMessageTemplateRepository() {
        // for CDI
    }

    JdbcMessageTemplateRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<MessageTemplate> find(StoreId store, MessageKind kind) {
        return sql.one(
                "SELECT subject, body_text FROM message_templates WHERE store_id = ? AND kind = ?",
                row -> new MessageTemplate(row.getString("subject"), row.getString("body_text")),
                store.value(),
                kind.wireValue());
    }

    @Override
    public Map<MessageKind, MessageTemplate> findAll(StoreId store) {
        record Row(String kind, MessageTemplate template) {}
        Map<MessageKind, MessageTemplate> templates = new EnumMap<>(MessageKind.class);
        for (Row row : sql.list(
                "SELECT kind, subject, body_text FROM message_templates WHERE store_id = ?",
                found -> new Row(
                        found.getString("kind"),
                        new MessageTemplate(found.getString("subject"), found.getString("body_text"))),
                store.value())) {
            MessageKind.fromWire(row.kind()).ifPresent(kind -> templates.put(kind, row.template()));
        }
        return templates;
    }

    @Override
    public void save(StoreId store, MessageKind kind, MessageTemplate template, Instant at) {
        int updated = sql.update(
                "UPDATE message_templates SET subject = ?, body_text = ?, updated_at = ? WHERE store_id = ? AND kind = ?",
                template.subject(),
                template.text(),
                at,
                store.value(),
                kind.wireValue());
        if (updated == 0) {
            sql.update(
                    "INSERT INTO message_templates (store_id, kind, subject, body_text, updated_at) VALUES (?, ?, ?, ?, ?)",
                    store.value(),
                    kind.wireValue(),
                    template.subject(),
                    template.text(),
                    at);
        }
    }

    @Override
    public boolean delete(StoreId store, MessageKind kind) {
        return sql.update(
                        "DELETE FROM message_templates WHERE store_id = ? AND kind = ?",
                        store.value(),
                        kind.wireValue())
                > 0;
    }
}
