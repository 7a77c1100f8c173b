package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.otp.OtpCodes;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.persistence.Database;
import com.storefrontauth.persistence.jpa.Jpa;
import com.storefrontauth.persistence.jpa.JpaAccountRepository;
import com.storefrontauth.persistence.jpa.JpaApiKeyRepository;
import com.storefrontauth.persistence.jpa.JpaAuditEventRepository;
import com.storefrontauth.persistence.jpa.JpaCorsOriginRepository;
import com.storefrontauth.persistence.jpa.JpaCustomerRepository;
import com.storefrontauth.persistence.jpa.JpaLoginFailureRepository;
import com.storefrontauth.persistence.jpa.JpaOpaqueAccessTokenRepository;
import com.storefrontauth.persistence.jpa.JpaOtpActivityRepository;
import com.storefrontauth.persistence.jpa.JpaOtpChallengeRepository;
import com.storefrontauth.persistence.jpa.JpaOutboxRepository;
import com.storefrontauth.persistence.jpa.JpaPlatformSettings;
import com.storefrontauth.persistence.jpa.JpaSessionRepository;
import com.storefrontauth.persistence.jpa.JpaStoreRepository;
import com.storefrontauth.persistence.jpa.PersistenceUnit;
import com.storefrontauth.persistence.testing.PostgresCluster;
import com.storefrontauth.persistence.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Base of the repository tests. Concrete classes are {@code @ParameterizedClass} over {@link TestDatabase}:
 * each runs once on a fresh, migrated H2 database and once on a fresh PostgreSQL database, with the real
 * beans built by hand. Every test makes its own store, so tests share the database but no data.
 */
@ExtendWith(PostgresCluster.Lifecycle.class)
abstract class RepositoryTest {

    /** Code hashes and sealed messages under a fixed 32-byte secret. */
    static final OtpCodes CODES = new OtpCodes(fixedSecret());

    @Parameter
    TestDatabase target;

    static Database database;
    static EntityManagerFactory unit;
    static LocalTransactions transactions;
    static Sql sql;
    static JpaStoreRepository stores;
    static JpaAccountRepository accounts;
    static JpaApiKeyRepository apiKeys;
    static JpaCorsOriginRepository corsOrigins;
    static JpaSessionRepository sessions;
    static JpaAuditEventRepository auditEvents;
    static JpaPlatformSettings settings;
    static JpaCustomerRepository customers;
    static JpaLoginFailureRepository loginFailures;
    static JpaOtpChallengeRepository otpChallenges;
    static JpaOtpActivityRepository otpActivity;
    static JpaOutboxRepository outbox;
    static JpaOpaqueAccessTokenRepository opaqueTokens;

    @BeforeParameterizedClassInvocation
    static void openDatabase(TestDatabase target) {
        database = target.open();
        // the server's unit on resource-local transactions over the test pool (no JTA outside a container)
        unit = PersistenceUnit.create(
                database.dialect(),
                Map.of(
                        "jakarta.persistence.transactionType",
                        "RESOURCE_LOCAL",
                        "jakarta.persistence.nonJtaDataSource",
                        database.dataSource()));
        transactions = new LocalTransactions(database, unit);
        sql = new Sql(transactions, transactions);
        stores = new JpaStoreRepository(new Jpa(transactions, transactions));
        accounts = new JpaAccountRepository(new Jpa(transactions, transactions), sql);
        apiKeys = new JpaApiKeyRepository(new Jpa(transactions, transactions));
        corsOrigins = new JpaCorsOriginRepository(new Jpa(transactions, transactions));
        sessions = new JpaSessionRepository(new Jpa(transactions, transactions), sql);
        auditEvents = new JpaAuditEventRepository(new Jpa(transactions, transactions));
        settings = new JpaPlatformSettings(new Jpa(transactions, transactions));
        customers = new JpaCustomerRepository(new Jpa(transactions, transactions), sql);
        loginFailures = new JpaLoginFailureRepository(new Jpa(transactions, transactions), sql);
        otpChallenges = new JpaOtpChallengeRepository(new Jpa(transactions, transactions));
        otpActivity = new JpaOtpActivityRepository(new Jpa(transactions, transactions));
        outbox = new JpaOutboxRepository(new Jpa(transactions, transactions));
        opaqueTokens = new JpaOpaqueAccessTokenRepository(new Jpa(transactions, transactions));
    }

    @AfterParameterizedClassInvocation
    static void closeDatabase() {
        if (unit != null) {
            unit.close();
            unit = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** Now, at the precision both databases keep (microseconds). */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] fixedSecret() {
        byte[] secret = new byte[32];
        IntStream.range(0, secret.length).forEach(i -> secret[i] = (byte) (i * 7 + 1));
        return secret;
    }

    static Store newStore() {
        Store store = Store.open("Shop " + RandomSecret.generate("").substring(0, 6), StoreMode.TEST, now());
        stores.insert(store);
        return store;
    }

    static TokenHash newHash() {
        return TokenHash.of(RandomSecret.generate("rt_"));
    }

    static Session newSession(Store store, TokenHash refreshHash) {
        Instant now = now();
        Session session = new Session(
                SessionId.generate(),
                store.id(),
                SubjectKind.CUSTOMER,
                "cus_" + RandomSecret.generate("").substring(0, 24),
                null,
                now,
                now,
                now.plus(Duration.ofDays(30)),
                Duration.ofDays(14),
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("203.0.113.7", "JUnit/5"),
                refreshHash);
        sessions.insert(session);
        return session;
    }
}
