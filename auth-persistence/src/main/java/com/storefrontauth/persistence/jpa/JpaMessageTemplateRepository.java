package com.storefrontauth.persistence.jpa;

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

/** Stores' own message templates on JPA, one row per store and kind; a kind no longer known is skipped. */
@ApplicationScoped
public class JpaMessageTemplateRepository implements MessageTemplateRepository {

    @Inject
    Jpa jpa;

    protected JpaMessageTemplateRepository() {
        // for CDI
    }

    public JpaMessageTemplateRepository(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<MessageTemplate> find(StoreId store, MessageKind kind) {
        return jpa.read(
                "find a message template",
                em -> Optional.ofNullable(em.find(
                                MessageTemplateEntity.class,
                                new MessageTemplateEntity.Key(store, kind),
                                Jpa.readOnly(em)))
                        .map(MessageTemplateEntity::toTemplate));
    }

    @Override
    public Map<MessageKind, MessageTemplate> findAll(StoreId store) {
        Map<MessageKind, MessageTemplate> templates = new EnumMap<>(MessageKind.class);
        jpa.read(
                        "list message templates",
                        em -> Jpa.readOnly(
                                        em,
                                        em.createQuery(
                                                "SELECT t FROM MessageTemplateEntity t WHERE t.storeId = :store",
                                                MessageTemplateEntity.class))
                                .setParameter("store", store.value())
                                .getResultList())
                .forEach(row -> row.kind().ifPresent(kind -> templates.put(kind, row.toTemplate())));
        return templates;
    }

    @Override
    public void save(StoreId store, MessageKind kind, MessageTemplate template, Instant at) {
        jpa.run("save a message template", em -> {
            MessageTemplateEntity row =
                    em.find(MessageTemplateEntity.class, new MessageTemplateEntity.Key(store, kind));
            if (row == null) {
                em.persist(MessageTemplateEntity.of(store, kind, template, at));
            } else {
                row.replace(template, at);
            }
            em.flush();
            return null;
        });
    }

    /**
     * One conditional statement, so of two concurrent resets only one finds the template (and is audited).
     * EclipseLink also drops the deleted row from the entity manager, so a later find or save in the same
     * transaction does not meet it (tested).
     */
    @Override
    public boolean delete(StoreId store, MessageKind kind) {
        return jpa.run(
                        "delete a message template",
                        em -> em.createQuery(
                                        "DELETE FROM MessageTemplateEntity t WHERE t.storeId = :store AND t.kind = :kind")
                                .setParameter("store", store.value())
                                .setParameter("kind", kind.wireValue())
                                .executeUpdate())
                > 0;
    }
}
