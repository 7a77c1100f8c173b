package com.storefrontauth.domain.message;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.customer.PasswordResetByLink;
import com.storefrontauth.domain.otp.OtpRules;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreLanguage;
import com.storefrontauth.domain.store.StoreProfile;
import com.storefrontauth.domain.store.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which words a message goes out in: the store's own template of its kind, or else the built-in text in
 * the store's preferred language (customers carry no language of their own, so the store's speaks for
 * them). Merchants word, preview and reset their store's templates here; each change is audited.
 */
@ApplicationScoped
public class MessageTemplates {

    /** What a preview fills in: a made-up code and link, never a real one. */
    static final String SAMPLE_CODE = "123456";

    static final String SAMPLE_LINK = "https://shop.example/reset-password?token=rst_sample";

    @Inject
    MessageTemplateRepository templates;

    @Inject
    StoreRepository stores;

    @Inject
    StoreAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /** One kind as the console shows it: the template in force and whether the store worded it. */
    public record Entry(MessageKind kind, MessageTemplate template, boolean customised) {}

    /** The store's language as its built-in texts use it (English where it has none of its own). */
    public record Wording(StoreLanguage preferred, boolean builtInSpeaksIt, List<Entry> entries) {}

    public Wording wording(Operator operator, StoreId storeId) {
        return transactions.required(() -> {
            Store store = access.require(operator, storeId);
            Map<MessageKind, MessageTemplate> own = templates.findAll(storeId);
            StoreLanguage language = store.profile().preferredLanguage();
            List<Entry> entries = MessageKind.perStoreKinds().stream()
                    .map(kind -> new Entry(
                            kind, own.getOrDefault(kind, BuiltInMessages.of(kind, language)), own.containsKey(kind)))
                    .toList();
            return new Wording(language, BuiltInMessages.speaks(language), entries);
        });
    }

    /** The message a template would send, with a sample code or link: refused as saving would be. */
    public RenderedMessage preview(Operator operator, StoreId storeId, MessageKind kind, String subject, String text) {
        Store store = transactions.required(() -> access.require(operator, storeId));
        MessageTemplate template = MessageTemplate.checked(perStore(kind), subject, text);
        Duration validFor = kind.carriesLink()
                ? PasswordResetByLink.LINK_TTL
                : OtpRules.of(store.policy()).ttl();
        return template.render(new MessageTemplate.Values(
                store.name(),
                SAMPLE_CODE,
                SAMPLE_LINK,
                validFor,
                store.profile().logoUrl()));
    }

    public void save(
            Operator operator, StoreId storeId, MessageKind kind, String subject, String text, ClientInfo client) {
        MessageTemplate template = MessageTemplate.checked(perStore(kind), subject, text);
        transactions.required(() -> {
            access.require(operator, storeId);
            templates.save(storeId, kind, template, clock.instant());
            audit.record(
                    storeId,
                    AuditEventType.MESSAGE_TEMPLATE_CHANGED,
                    operator.subject(),
                    client,
                    Map.of("kind", kind.wireValue()));
            return null;
        });
    }

    /** Back to the built-in text; audited only when the store had its own. */
    public void reset(Operator operator, StoreId storeId, MessageKind kind, ClientInfo client) {
        transactions.required(() -> {
            access.require(operator, storeId);
            if (templates.delete(storeId, perStore(kind))) {
                audit.record(
                        storeId,
                        AuditEventType.MESSAGE_TEMPLATE_RESET,
                        operator.subject(),
                        client,
                        Map.of("kind", kind.wireValue()));
            }
            return null;
        });
    }

    /**
     * The message to queue, in the caller's unit of work. {@code store} is null for the merchant-account
     * kinds, which belong to no store and go out in the built-in English.
     */
    public RenderedMessage compose(
            StoreId store, String storeName, MessageKind kind, String code, String link, Duration validFor) {
        Optional<Store> found = store == null ? Optional.empty() : stores.find(store);
        StoreProfile profile = found.map(Store::profile).orElse(StoreProfile.EMPTY);
        MessageTemplate template = (kind.isPerStore() && store != null
                        ? templates.find(store, kind)
                        : Optional.<MessageTemplate>empty())
                .orElseGet(() -> BuiltInMessages.of(kind, profile.preferredLanguage()));
        return template.render(new MessageTemplate.Values(storeName, code, link, validFor, profile.logoUrl()));
    }

    private static MessageKind perStore(MessageKind kind) {
        if (!kind.isPerStore()) {
            throw DomainException.notFound("message kind");
        }
        return kind;
    }
}
