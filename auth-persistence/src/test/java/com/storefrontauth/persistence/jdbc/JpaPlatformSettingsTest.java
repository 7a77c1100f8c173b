package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.persistence.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaPlatformSettingsTest extends RepositoryTest {

    @Test
    void whenASettingWasNeverPutThenItIsEmpty() {
        assertThat(settings.get("never-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void whenASettingIsPutTwiceThenTheLatestValueIsRead() {
        String name = "demo_store_" + UUID.randomUUID();

        settings.put(name, "st_first");
        assertThat(settings.get(name)).contains("st_first");
        settings.put(name, "st_second");

        assertThat(settings.get(name)).contains("st_second");
        assertThat(sql.count("SELECT COUNT(*) FROM platform_settings WHERE name = ?", name))
                .isEqualTo(1);
    }

    @Test
    void whenSettingsAreListedByPrefixThenOnlyThoseNamesAreReadAndUnderscoresMatchThemselvesOnly() {
        String prefix = "limits_" + UUID.randomUUID().toString().substring(0, 8) + ".";
        settings.put(prefix + "a", "1");
        settings.put(prefix + "b", "2");
        settings.put(prefix.replace('_', 'X') + "c", "3");

        assertThat(settings.startingWith(prefix))
                .containsExactlyInAnyOrderEntriesOf(Map.of(prefix + "a", "1", prefix + "b", "2"));
    }

    @Test
    void whenASettingIsReadThenPutInOneTransactionThenItsNextReadsSeeTheNewValue() {
        String name = "same_transaction_" + UUID.randomUUID();
        settings.put(name, "before");

        transactions.required(() -> {
            assertThat(settings.get(name)).contains("before");
            settings.put(name, "after");
            assertThat(settings.get(name)).contains("after");
            assertThat(settings.startingWith(name)).containsExactly(Map.entry(name, "after"));
            return null;
        });

        assertThat(settings.get(name)).contains("after");
    }
}
