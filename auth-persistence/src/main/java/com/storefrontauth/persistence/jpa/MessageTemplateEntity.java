package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplate;
import com.storefrontauth.domain.store.StoreId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** A row of {@code message_templates}: a store's own wording of one kind of message, the kind by its wire value. */
@Entity
@Table(name = "message_templates")
@IdClass(MessageTemplateEntity.Key.class)
public class MessageTemplateEntity {

    @Id
    @Column(name = "store_id")
    private String storeId;

    @Id
    private String kind;

    private String subject;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected MessageTemplateEntity() {
        // for JPA
    }

    static MessageTemplateEntity of(StoreId store, MessageKind kind, MessageTemplate template, Instant at) {
        MessageTemplateEntity row = new MessageTemplateEntity();
        row.storeId = store.value();
        row.kind = kind.wireValue();
        row.replace(template, at);
        return row;
    }

    void replace(MessageTemplate template, Instant at) {
        subject = template.subject();
        bodyText = template.text();
        updatedAt = Timestamps.utc(at);
    }

    /** Empty for a kind this version no longer knows. */
    Optional<MessageKind> kind() {
        return MessageKind.fromWire(kind);
    }

    MessageTemplate toTemplate() {
        return new MessageTemplate(subject, bodyText);
    }

    /** The primary key: store and kind. */
    public static class Key implements Serializable {

        private String storeId;
        private String kind;

        public Key() {
            // for JPA
        }

        Key(StoreId store, MessageKind kind) {
            this.storeId = store.value();
            this.kind = kind.wireValue();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && storeId.equals(key.storeId) && kind.equals(key.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(storeId, kind);
        }
    }
}
