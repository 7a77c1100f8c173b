package com.storefrontauth.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.access.StoreAccess;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.store.InMemoryStores;
import com.storefrontauth.domain.store.ProfileChange;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreId;
import com.storefrontauth.domain.store.StoreMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private final MutableClock clock = new MutableClock();
    private final RecordedEvents events = new RecordedEvents();
    private final InMemoryMessageTemplates rows = new InMemoryMessageTemplates();
    private final InMemoryStores stores = InMemoryStores.of();
    private final MessageTemplates templates = InMemoryMessageTemplates.over(
            rows, stores, new StoreAccess(stores, null), events.log(clock), new DirectTransactions(), clock);
    private final Operator admin = new Operator.PlatformAdmin(AccountId.generate());
    private final Store store = Store.open("Toko Batik", StoreMode.TEST, clock.instant());

    MessageTemplatesTest() {
        stores.insert(store);
    }

    private void prefer(String language) {
        store.describe(new ProfileChange(null, "https://cdn.example.com/batik.png", null, null, language));
    }

    private RenderedMessage signIn() {
        return templates.compose(
                store.id(), store.name(), MessageKind.SIGN_IN_CODE, "246810", null, Duration.ofMinutes(5));
    }

    @Test
    void whenTheStorePrefersIndonesianThenItsMessagesGoOutInTheBuiltInIndonesianWithItsLogo() {
        prefer("id");

        RenderedMessage message = signIn();

        assertThat(message.subject()).isEqualTo("Kode masuk Toko Batik Anda");
        assertThat(message.text())
                .startsWith("246810 adalah kode masuk Toko Batik Anda. Kode ini berlaku selama 5 menit.");
        assertThat(message.html()).contains("<img src=\"https://cdn.example.com/batik.png\"", "246810");
    }

    @Test
    void whenAMerchantSavesATemplateThenTheNextMessageUsesItAndTheChangeIsAudited() {
        prefer("hi");
        templates.save(
                admin,
                store.id(),
                MessageKind.SIGN_IN_CODE,
                "{{store_name}} कोड",
                "नमस्ते! {{code}} ({{minutes}} मिनट)",
                null);

        assertThat(signIn().text()).isEqualTo("नमस्ते! 246810 (5 मिनट)");
        assertThat(events.types()).containsExactly(AuditEventType.MESSAGE_TEMPLATE_CHANGED);
        assertThat(events.details(0)).containsEntry("kind", "sign_in_code");
        assertThat(templates.wording(admin, store.id()).entries())
                .filteredOn(entry -> entry.customised())
                .extracting(MessageTemplates.Entry::kind)
                .containsExactly(MessageKind.SIGN_IN_CODE);
    }

    @Test
    void whenATemplateIsResetThenTheBuiltInTextIsBackAndOnlyARealResetIsAudited() {
        templates.save(admin, store.id(), MessageKind.SIGN_IN_CODE, "Code", "{{code}} from us", null);
        templates.reset(admin, store.id(), MessageKind.SIGN_IN_CODE, null);
        templates.reset(admin, store.id(), MessageKind.SIGN_IN_CODE, null);

        assertThat(signIn().text()).startsWith("246810 is your Toko Batik sign-in code.");
        assertThat(events.types())
                .containsExactly(AuditEventType.MESSAGE_TEMPLATE_CHANGED, AuditEventType.MESSAGE_TEMPLATE_RESET);
    }

    @Test
    void whenARefusedTemplateIsSavedThenNothingIsStoredOrAudited() {
        assertThatThrownBy(
                        () -> templates.save(admin, store.id(), MessageKind.SIGN_IN_CODE, "Code", "No code here", null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST));

        assertThat(rows.findAll(store.id())).isEmpty();
        assertThat(events.types()).isEmpty();
    }

    @Test
    void whenAPreviewIsAskedThenItRendersTheGivenTextWithSampleValuesAndStoresNothing() {
        RenderedMessage preview = templates.preview(
                admin,
                store.id(),
                MessageKind.RESET_LINK,
                "Reset at {{store_name}}",
                "Here: {{link}} ({{minutes}} min)");

        assertThat(preview.subject()).isEqualTo("Reset at Toko Batik");
        assertThat(preview.text()).isEqualTo("Here: " + MessageTemplates.SAMPLE_LINK + " (30 min)");
        assertThat(rows.findAll(store.id())).isEmpty();
        assertThat(events.types()).isEmpty();
    }

    @Test
    void whenAStoreOfAnotherMerchantOrAMerchantKindIsNamedThenNotFound() {
        Operator stranger = new Operator.SecretKey(StoreId.generate(), "key_1");
        assertThatThrownBy(
                        () -> templates.save(stranger, store.id(), MessageKind.SIGN_IN_CODE, "Code", "{{code}}", null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() ->
                        templates.save(admin, store.id(), MessageKind.MERCHANT_ACTIVATION, "Code", "{{code}}", null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(rows.findAll(store.id())).isEqualTo(Map.of());
    }
}
