package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaOpaqueAccessTokenRepositoryTest extends RepositoryTest {

    @Test
    void whenATokenIsInsertedThenItsHashFindsItsSessionAndNoOtherHashDoes() {
        Store store = newStore();
        Session session = newSession(store, newHash());
        TokenHash token = newHash();

        opaqueTokens.insert(token, session.id());

        assertThat(opaqueTokens.findSession(token)).contains(session.id());
        assertThat(opaqueTokens.findSession(newHash())).isEmpty();
    }

    @Test
    void whenTheSameTokenHashIsInsertedTwiceThenTheSecondIsAUniqueViolationAndTheFirstStays() {
        Store store = newStore();
        Session first = newSession(store, newHash());
        Session second = newSession(store, newHash());
        TokenHash token = newHash();
        opaqueTokens.insert(token, first.id());

        assertThatThrownBy(() -> opaqueTokens.insert(token, second.id()))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
        assertThat(opaqueTokens.findSession(token)).contains(first.id());
    }
}
