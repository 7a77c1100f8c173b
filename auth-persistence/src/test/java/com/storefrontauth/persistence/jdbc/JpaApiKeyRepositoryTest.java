package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaApiKeyRepositoryTest extends RepositoryTest {

    private static ApiKey.Issued issue(Store store, ApiKeyType type) {
        ApiKey.Issued issued = ApiKey.issue(store.id(), StoreMode.TEST, type, "Storefront", now());
        apiKeys.insert(issued.key());
        return issued;
    }

    @Test
    void whenAKeyIsInsertedThenItIsFoundByTheHashOfItsValueWithEveryField() {
        Store store = newStore();
        ApiKey.Issued issued = issue(store, ApiKeyType.PUBLISHABLE);

        ApiKey found = apiKeys.findActiveByHash(TokenHash.of(issued.value())).orElseThrow();

        assertThat(found).isEqualTo(issued.key());
        assertThat(found.publishableKey()).isEqualTo(issued.value());
        assertThat(apiKeys.findActiveByHash(TokenHash.of(issued.value() + "x"))).isEmpty();
    }

    @Test
    void whenASecretKeyIsStoredThenOnlyItsHashAndHintAreKept() {
        Store store = newStore();
        ApiKey.Issued issued = issue(store, ApiKeyType.SECRET);

        ApiKey found = apiKeys.findActiveByHash(TokenHash.of(issued.value())).orElseThrow();

        assertThat(found.type()).isEqualTo(ApiKeyType.SECRET);
        assertThat(found.publishableKey()).isNull();
        assertThat(sql.count(
                        "SELECT COUNT(*) FROM api_keys WHERE publishable_key = ? OR hint = ? OR label = ?",
                        issued.value(),
                        issued.value(),
                        issued.value()))
                .isZero();
    }

    @Test
    void whenKeysAreListedThenOnlyTheStoresActiveKeysAppear() {
        Store store = newStore();
        Store other = newStore();
        ApiKey.Issued kept = issue(store, ApiKeyType.PUBLISHABLE);
        ApiKey.Issued revoked = issue(store, ApiKeyType.SECRET);
        issue(other, ApiKeyType.PUBLISHABLE);
        apiKeys.revoke(store.id(), revoked.key().id(), now());

        assertThat(apiKeys.listActive(store.id()))
                .extracting(ApiKey::id)
                .containsExactly(kept.key().id());
    }

    @Test
    void whenAKeyIsRevokedThenItIsNoLongerFoundAndASecondRevokeChangesNothing() {
        Store store = newStore();
        ApiKey.Issued issued = issue(store, ApiKeyType.PUBLISHABLE);

        assertThat(apiKeys.revoke(store.id(), issued.key().id(), now())).isTrue();

        assertThat(apiKeys.findActiveByHash(TokenHash.of(issued.value()))).isEmpty();
        assertThat(apiKeys.revoke(store.id(), issued.key().id(), now())).isFalse();
    }

    @Test
    void whenAnotherStoreRevokesAKeyThenNothingHappens() {
        Store owner = newStore();
        Store intruder = newStore();
        ApiKey.Issued issued = issue(owner, ApiKeyType.SECRET);

        assertThat(apiKeys.revoke(intruder.id(), issued.key().id(), now())).isFalse();

        assertThat(apiKeys.findActiveByHash(TokenHash.of(issued.value()))).isPresent();
        assertThat(apiKeys.listActive(owner.id()))
                .extracting(ApiKey::id)
                .containsExactly(issued.key().id());
    }

    @Test
    void whenKeysAreListedThenTheOrderIsByCreationTimeThenIdWhateverTheInsertOrder() {
        Store store = newStore();
        Instant at = Instant.parse("2026-03-04T05:06:07.000001Z");
        ApiKey later = ApiKey.issue(store.id(), StoreMode.TEST, ApiKeyType.PUBLISHABLE, "Later", at.plusNanos(1_000))
                .key();
        ApiKey earlierA = ApiKey.issue(store.id(), StoreMode.TEST, ApiKeyType.SECRET, "A", at)
                .key();
        ApiKey earlierB = ApiKey.issue(store.id(), StoreMode.TEST, ApiKeyType.SECRET, "B", at)
                .key();
        apiKeys.insert(later);
        apiKeys.insert(earlierB);
        apiKeys.insert(earlierA);

        List<String> earlierById =
                List.of(earlierA.id(), earlierB.id()).stream().sorted().toList();
        assertThat(apiKeys.listActive(store.id()))
                .extracting(ApiKey::id)
                .containsExactly(earlierById.get(0), earlierById.get(1), later.id());
        assertThat(apiKeys.listActive(store.id())).extracting(ApiKey::createdAt).contains(at, at.plusNanos(1_000));
    }

    @Test
    void whenAKeyIsRevokedInATransactionThatHadReadItThenItsNextReadsNoLongerFindIt() {
        Store store = newStore();
        ApiKey.Issued issued = issue(store, ApiKeyType.SECRET);

        transactions.required(() -> {
            assertThat(apiKeys.findActiveByHash(TokenHash.of(issued.value()))).isPresent();
            assertThat(apiKeys.listActive(store.id())).hasSize(1);
            assertThat(apiKeys.revoke(store.id(), issued.key().id(), now())).isTrue();
            assertThat(apiKeys.findActiveByHash(TokenHash.of(issued.value()))).isEmpty();
            assertThat(apiKeys.listActive(store.id())).isEmpty();
            return null;
        });
    }
}
