package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplate;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcMessageTemplateRepositoryTest extends RepositoryTest {

    private final JdbcMessageTemplateRepository templates = new JdbcMessageTemplateRepository(sql);

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
}
