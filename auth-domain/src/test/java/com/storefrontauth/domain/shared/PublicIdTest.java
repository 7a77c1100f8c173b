package com.storefrontauth.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.store.StoreId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicIdTest {

    @Test
    void generateWhenCalledThenPrefixedUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = PublicId.generate("st_");
            assertThat(id).startsWith("st_").hasSize(27).matches("st_[0-9A-Za-z]{24}");
            assertThat(PublicId.isWellFormed(id, "st_")).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void parseWhenPrefixOrShapeIsWrongThenEmpty() {
        String store = StoreId.generate().value();
        assertThat(StoreId.parse(store)).isPresent();
        assertThat(StoreId.parse("cus_" + store.substring(3))).isEmpty();
        assertThat(StoreId.parse(store + "x")).isEmpty();
        assertThat(StoreId.parse("st_' OR 1=1 --aaaaaaaaaaaaa")).isEmpty();
        assertThat(StoreId.parse("1")).isEmpty();
        assertThat(StoreId.parse(null)).isEmpty();
        assertThat(SessionId.parse(store)).isEmpty();
    }

    @Test
    void constructorWhenIdIsForeignThenRefused() {
        assertThatThrownBy(() -> new StoreId("ses_abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenHashWhenSameSecretThenSameHashAndNeverTheSecret() {
        TokenHash hash = TokenHash.of("rt_secret");
        assertThat(hash).isEqualTo(TokenHash.of("rt_secret")).isNotEqualTo(TokenHash.of("rt_secreT"));
        assertThat(hash.hex()).hasSize(64).doesNotContain("secret");
        assertThat(RandomSecret.generate("rt_")).startsWith("rt_").hasSize(46);
    }

    @Test
    void emailWhenParsedThenTrimmedLowerCasedAndShapeChecked() {
        assertThat(EmailAddress.parse("  Alice@Example.COM ")).contains(new EmailAddress("alice@example.com"));
        assertThat(EmailAddress.parse("admin@localhost")).isPresent();
        assertThat(EmailAddress.parse("alice@")).isEmpty();
        assertThat(EmailAddress.parse("alice@example..com")).isEmpty();
        assertThat(EmailAddress.parse("a b@example.com")).isEmpty();
        assertThat(EmailAddress.parse("a".repeat(300) + "@example.com")).isEmpty();
        assertThat(EmailAddress.parse("alice@example.com\u0000")).isEmpty();
    }
}
