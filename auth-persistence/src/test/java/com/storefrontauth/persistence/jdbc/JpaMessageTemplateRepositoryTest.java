package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplate;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.persistence.jpa.Jpa;
import com.storefrontauth.persistence.jpa.JpaMessageTemplateRepository;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaMessageTemplateRepositoryTest extends RepositoryTest {

    private final JpaMessageTemplateRepository templates =
            new JpaMessageTemplateRepository(new Jpa(transactions, transactions));

    @Test
    void whenATemplateIsSavedTwiceThenTheSecondReplacesTheFirstForThatStoreOnly() {
        Store store = newStore();
        Store other = newStore();
        MessageTemplate hindi = new MessageTemplate("{{store_name}} कोड", "नमस्ते!\n{{code}} ({{minutes}} मिनट)");
        templates.save(store.id(), MessageKind.SIGN_IN_CODE, new MessageTemplate("Code", "{{code}}"), now());
        templates.save(store.id(), MessageKind.SIGN_IN_CODE, hindi, now());
        templates.save(store.id(), MessageKind.RESET_LINK, new MessageTemplate("Reset", "{{link}}"), now());

        assertThat(templates.find(store.id(), MessageKind.SIGN_IN_CODE)).contains(hindi);
        assertThat(templates.findAll(store.id()))
                .isEqualTo(Map.of(
                        MessageKind.SIGN_IN_CODE,
                        hindi,
                        MessageKind.RESET_LINK,
                        new MessageTemplate("Reset", "{{link}}")));
        assertThat(templates.findAll(other.id())).isEmpty();
        assertThat(templates.find(other.id(), MessageKind.SIGN_IN_CODE)).isEmpty();
    }

    @Test
    void whenATemplateIsDeletedThenOnlyThatKindGoesAndASecondDeleteFindsNothing() {
        Store store = newStore();
        templates.save(store.id(), MessageKind.SIGN_IN_CODE, new MessageTemplate("Code", "{{code}}"), now());
        templates.save(store.id(), MessageKind.RESET_CODE, new MessageTemplate("Reset", "{{code}}"), now());

        assertThat(templates.delete(store.id(), MessageKind.SIGN_IN_CODE)).isTrue();
        assertThat(templates.delete(store.id(), MessageKind.SIGN_IN_CODE)).isFalse();
        assertThat(templates.findAll(store.id())).containsOnlyKeys(MessageKind.RESET_CODE);
    }

    @Test
    void whenATemplateIsDeletedAndSavedAgainInOneTransactionThenEachReadSeesTheLatest() {
        Store store = newStore();
        MessageTemplate first = new MessageTemplate("First", "{{code}}");
        MessageTemplate second = new MessageTemplate("Second", "{{code}} again");
        templates.save(store.id(), MessageKind.SIGN_IN_CODE, first, now());

        transactions.required(() -> {
            assertThat(templates.find(store.id(), MessageKind.SIGN_IN_CODE)).contains(first);
            assertThat(templates.delete(store.id(), MessageKind.SIGN_IN_CODE)).isTrue();
            assertThat(templates.find(store.id(), MessageKind.SIGN_IN_CODE)).isEmpty();
            templates.save(store.id(), MessageKind.SIGN_IN_CODE, second, now());
            assertThat(templates.find(store.id(), MessageKind.SIGN_IN_CODE)).contains(second);
            return null;
        });

        assertThat(templates.findAll(store.id())).isEqualTo(Map.of(MessageKind.SIGN_IN_CODE, second));
    }

    @Test
    void whenAStoredKindIsNoLongerKnownThenItIsSkipped() {
        Store store = newStore();
        templates.save(store.id(), MessageKind.RESET_LINK, new MessageTemplate("Reset", "{{link}}"), now());
        sql.update(
                "INSERT INTO message_templates (store_id, kind, subject, body_text, updated_at) VALUES (?, ?, ?, ?, ?)",
                store.id().value(),
                "retired_kind",
                "Old",
                "Old text",
                now());

        assertThat(templates.findAll(store.id())).containsOnlyKeys(MessageKind.RESET_LINK);
    }

    @Test
    void whenATemplateIsDeletedTwiceAtOnceThenExactlyOneDeleteFindsIt() throws Exception {
        Store store = newStore();
        templates.save(store.id(), MessageKind.SIGN_IN_CODE, new MessageTemplate("Code", "{{code}}"), now());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> reset =
                    () -> transactions.required(() -> templates.delete(store.id(), MessageKind.SIGN_IN_CODE));
            Future<Boolean> first = pool.submit(reset);
            Future<Boolean> second = pool.submit(reset);
            assertThat(first.get() ^ second.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
