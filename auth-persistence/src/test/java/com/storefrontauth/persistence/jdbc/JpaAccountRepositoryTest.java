package com.storefrontauth.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRole;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.persistence.DataAccessException;
import com.storefrontauth.persistence.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JpaAccountRepositoryTest extends RepositoryTest {

    private static String uniqueEmail() {
        return "merchant-" + UUID.randomUUID() + "@example.com";
    }

    private static MerchantAccount account(String email, AccountRole role) {
        return new MerchantAccount(
                AccountId.generate(),
                email,
                "Mia Merchant",
                role,
                AccountStatus.ACTIVE,
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                now());
    }

    @Test
    void whenAnAccountIsInsertedThenItIsFoundByIdAndByNormalisedEmailWithEveryField() {
        String email = uniqueEmail();
        MerchantAccount account = account(email, AccountRole.MERCHANT);

        accounts.insert(account);

        MerchantAccount byEmail = accounts.findByEmail(email).orElseThrow();
        assertThat(byEmail.id()).isEqualTo(account.id());
        assertThat(byEmail.email()).isEqualTo(email);
        assertThat(byEmail.name()).isEqualTo("Mia Merchant");
        assertThat(byEmail.role()).isEqualTo(AccountRole.MERCHANT);
        assertThat(byEmail.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(byEmail.passwordHash()).isEqualTo(account.passwordHash());
        assertThat(byEmail.createdAt()).isEqualTo(account.createdAt());
        assertThat(accounts.find(account.id())).map(MerchantAccount::email).contains(email);
    }

    @Test
    void whenAnEmailIsGivenInAnotherCaseThenTheStoredLowerCaseFormMatches() {
        String email = uniqueEmail();
        accounts.insert(account("  " + email.toUpperCase() + " ", AccountRole.MERCHANT));

        assertThat(accounts.findByEmail(email)).map(MerchantAccount::email).contains(email);
        assertThat(accounts.findByEmail(email.toUpperCase())).isPresent();
        assertThat(accounts.findByEmail("other-" + email)).isEmpty();
    }

    @Test
    void whenTheSameEmailIsInsertedTwiceThenTheSecondIsRefusedAsAUniqueViolation() {
        String email = uniqueEmail();
        accounts.insert(account(email, AccountRole.MERCHANT));

        assertThatThrownBy(() -> accounts.insert(account(email.toUpperCase(), AccountRole.MERCHANT)))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
    }

    @Test
    void whenThePasswordHashIsReplacedThenTheNewOneIsRead() {
        MerchantAccount account = account(uniqueEmail(), AccountRole.MERCHANT);
        accounts.insert(account);

        accounts.updatePasswordHash(account.id(), "$argon2id$new");

        assertThat(accounts.find(account.id()))
                .map(MerchantAccount::passwordHash)
                .contains("$argon2id$new");
    }

    @Test
    void whenTheStatusIsUpdatedThenTheNewOneIsRead() {
        MerchantAccount account = new MerchantAccount(
                AccountId.generate(), uniqueEmail(), null, AccountRole.MERCHANT, AccountStatus.INACTIVE, null, now());
        accounts.insert(account);

        accounts.updateStatus(account.id(), AccountStatus.ACTIVE);

        assertThat(accounts.find(account.id())).map(MerchantAccount::status).contains(AccountStatus.ACTIVE);
        accounts.updateStatus(account.id(), AccountStatus.DISABLED);
        assertThat(accounts.find(account.id())).map(MerchantAccount::status).contains(AccountStatus.DISABLED);
    }

    @Test
    void whenInsertIfAbsentIsGivenAFreeEmailThenTheAccountIsWrittenAndItIsTrue() {
        String email = uniqueEmail();
        MerchantAccount account = account(email.toUpperCase(), AccountRole.MERCHANT);

        assertThat(accounts.insertIfAbsent(account)).isTrue();

        MerchantAccount found = accounts.findByEmail(email).orElseThrow();
        assertThat(found.id()).isEqualTo(account.id());
        assertThat(found.email()).isEqualTo(email);
        assertThat(found.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(found.passwordHash()).isEqualTo(account.passwordHash());
        assertThat(found.createdAt()).isEqualTo(account.createdAt());
    }

    @Test
    void whenInsertIfAbsentIsGivenATakenEmailThenItIsFalseAndNothingIsWritten() {
        String email = uniqueEmail();
        MerchantAccount first = account(email, AccountRole.MERCHANT);
        accounts.insert(first);
        MerchantAccount second = account(" " + email.toUpperCase(), AccountRole.PLATFORM_ADMIN);

        assertThat(accounts.insertIfAbsent(second)).isFalse();

        assertThat(accounts.find(second.id())).isEmpty();
        assertThat(accounts.findByEmail(email)).map(MerchantAccount::id).contains(first.id());
    }

    @Test
    void whenInsertIfAbsentIsRefusedInsideATransactionThenTheTransactionGoesOnAndCommits() {
        String email = uniqueEmail();
        accounts.insert(account(email, AccountRole.MERCHANT));
        MerchantAccount duplicate = account(email, AccountRole.MERCHANT);
        MerchantAccount fresh = account(uniqueEmail(), AccountRole.MERCHANT);

        boolean[] inserted = transactions.required(
                () -> new boolean[] {accounts.insertIfAbsent(duplicate), accounts.insertIfAbsent(fresh)});

        assertThat(inserted).containsExactly(false, true);
        assertThat(accounts.find(fresh.id())).isPresent();
        assertThat(accounts.find(duplicate.id())).isEmpty();
    }

    @Test
    void whenAMembershipIsAddedThenTheAccountIsAMemberOfThatStoreOnly() {
        Store store = newStore();
        Store other = newStore();
        MerchantAccount account = account(uniqueEmail(), AccountRole.MERCHANT);
        accounts.insert(account);

        accounts.addMembership(account.id(), store.id());
        accounts.addMembership(account.id(), store.id());

        assertThat(accounts.isMember(account.id(), store.id())).isTrue();
        assertThat(accounts.isMember(account.id(), other.id())).isFalse();
        assertThat(sql.count(
                        "SELECT COUNT(*) FROM account_stores WHERE account_id = ?",
                        account.id().value()))
                .isEqualTo(1);
    }

    @Test
    void whenAnAccountIsChangedInATransactionThatHadReadItThenItsNextReadSeesTheChange() {
        MerchantAccount account = new MerchantAccount(
                AccountId.generate(), uniqueEmail(), null, AccountRole.MERCHANT, AccountStatus.INACTIVE, null, now());
        accounts.insert(account);

        MerchantAccount reread = transactions.required(() -> {
            assertThat(accounts.find(account.id())).map(MerchantAccount::status).contains(AccountStatus.INACTIVE);
            assertThat(accounts.findByEmail(account.email())).isPresent();
            accounts.updateStatus(account.id(), AccountStatus.ACTIVE);
            accounts.updatePasswordHash(account.id(), "$argon2id$activated");
            return accounts.find(account.id()).orElseThrow();
        });

        assertThat(reread.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(reread.passwordHash()).isEqualTo("$argon2id$activated");
        assertThat(accounts.findByEmail(account.email()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void whenAnUnknownAccountIsUpdatedThenNothingIsWritten() {
        AccountId unknown = AccountId.generate();

        accounts.updateStatus(unknown, AccountStatus.DISABLED);
        accounts.updatePasswordHash(unknown, "$argon2id$nobody");

        assertThat(accounts.find(unknown)).isEmpty();
    }

    @Test
    void whenInsertIfAbsentIsRefusedAfterTheTransactionReadThroughJpaThenTheTransactionStillCommitsItsJpaWrites() {
        String email = uniqueEmail();
        MerchantAccount first = account(email, AccountRole.MERCHANT);
        accounts.insert(first);
        Store store = newStore();

        transactions.required(() -> {
            assertThat(accounts.findByEmail(email)).isPresent();
            assertThat(accounts.insertIfAbsent(account(email, AccountRole.MERCHANT)))
                    .isFalse();
            accounts.addMembership(first.id(), store.id());
            return null;
        });

        assertThat(accounts.isMember(first.id(), store.id())).isTrue();
    }
}
