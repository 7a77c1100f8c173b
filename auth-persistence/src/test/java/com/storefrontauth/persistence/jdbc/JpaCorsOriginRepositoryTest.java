package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.OriginPattern;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaCorsOriginRepositoryTest extends RepositoryTest {

    private static CorsOrigin allow(Store store, String origin) {
        CorsOrigin entry =
                CorsOrigin.allow(store.id(), OriginPattern.parse(origin).orElseThrow(), now());
        corsOrigins.insert(entry);
        return entry;
    }

    @Test
    void whenOriginsAreListedThenOnlyTheStoresEntriesComeBackWithEveryField() {
        Store store = newStore();
        Store other = newStore();
        CorsOrigin exact = allow(store, "https://shop.example:8443");
        CorsOrigin wildcard = allow(store, "https://*.shop.example");
        allow(other, "https://other.example");

        assertThat(corsOrigins.list(store.id())).containsExactlyInAnyOrder(exact, wildcard);
        assertThat(corsOrigins.list(store.id()))
                .extracting(entry -> entry.origin().toString())
                .containsExactlyInAnyOrder("https://shop.example:8443", "https://*.shop.example");
    }

    @Test
    void whenAnotherStoreDeletesAnOriginThenItStays() {
        Store owner = newStore();
        Store intruder = newStore();
        CorsOrigin entry = allow(owner, "https://owner.example");

        assertThat(corsOrigins.delete(intruder.id(), entry.id())).isFalse();

        assertThat(corsOrigins.list(owner.id())).containsExactly(entry);
    }

    @Test
    void whenTheOwnerDeletesAnOriginThenItIsGoneAndASecondDeleteChangesNothing() {
        Store store = newStore();
        CorsOrigin entry = allow(store, "http://localhost:3000");

        assertThat(corsOrigins.delete(store.id(), entry.id())).isTrue();

        assertThat(corsOrigins.list(store.id())).isEmpty();
        assertThat(corsOrigins.delete(store.id(), entry.id())).isFalse();
    }

    @Test
    void whenAStoreAddsTheSameOriginTwiceThenTheSecondIsAUniqueViolation() {
        Store store = newStore();
        allow(store, "https://twice.example");

        assertThatThrownBy(() -> allow(store, "https://twice.example:443"))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
        assertThat(corsOrigins.list(store.id())).hasSize(1);
    }
}
