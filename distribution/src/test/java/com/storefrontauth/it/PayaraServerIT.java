package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.PASSWORD;
import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.PayaraServer;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.persistence.testing.PostgresCluster;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR as an enterprise deploys it: on a full Payara Server, whose administrator created the PostgreSQL
 * connection pool and the {@code jdbc/storefrontAuth} resource with asadmin (the README's "Enterprise
 * deployment" commands), the application given no database URL at all.
 */
class PayaraServerIT {

    private static final String ADMIN_EMAIL = "admin@enterprise.example";
    private static final String ADMIN_PASSWORD = "enterprise admin password 77";

    private static PayaraServer server;
    private static String databaseUrl;
    private static String databaseUser;

    @BeforeAll
    static void deploy() throws Exception {
        PostgresCluster postgres = PostgresCluster.shared();
        databaseUrl = postgres.createDatabase();
        databaseUser = postgres.user();
        String database =
                URI.create(databaseUrl.substring("jdbc:".length())).getPath().substring(1);
        server = PayaraServer.start(Map.of(
                "AUTH_BOOTSTRAP_ADMIN_EMAIL",
                ADMIN_EMAIL,
                "AUTH_BOOTSTRAP_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "AUTH_SIGNING_ENCRYPTION_KEY",
                "enterprise-key-encryption-secret",
                "AUTH_OTP_SECRET",
                "enterprise-otp-secret"));
        // the administrator's side: a pool (the server asks for a password; the test cluster trusts loopback)
        server.asadmin(
                "create-jdbc-connection-pool",
                "--datasourceclassname",
                "org.postgresql.ds.PGSimpleDataSource",
                "--restype",
                "javax.sql.DataSource",
                "--maxwait",
                "3000",
                "--property",
                "user=" + databaseUser + ":password=unused:serverName=127.0.0.1:portNumber=" + postgres.port()
                        + ":databaseName=" + database,
                "storefront-auth-pool");
        server.asadmin("create-jdbc-resource", "--connectionpoolid", "storefront-auth-pool", "jdbc/storefrontAuth");
        server.asadmin("deploy", "--contextroot", "/", "--name", "storefront-auth", System.getProperty("server.war"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void whenDeployedWithoutADatabaseUrlThenTheSchemaAndDataLiveInTheAdministratorsPool() throws Exception {
        assertThat(Api.at(server.baseUrl()).get("/health/ready").status()).isEqualTo(200);
        assertThat(server.log()).contains("Database POSTGRESQL JDBC resource jdbc/storefrontAuth at schema version");

        String name = "Enterprise store " + UUID.randomUUID();
        Reply created = admin().post("/api/v1/stores", Api.json("name", name, "mode", "test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, "");
                PreparedStatement query = connection.prepareStatement("SELECT id FROM stores WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next())
                        .as("the store row in the pool's database")
                        .isTrue();
                assertThat(row.getString(1)).isEqualTo(created.string("id"));
            }
        }
    }

    @Test
    void whenAMerchantManagesAStoreThenKeysPolicyAndOriginsWorkAndASecretKeyReadsOnlyItsStore() {
        Api admin = admin();
        String store = createStore(admin);
        Reply secret = admin.post(path(store, "/api-keys"), Api.json("type", "secret", "label", "back end"));
        assertThat(secret.status()).as(secret.toString()).isEqualTo(201);
        Reply policy = admin.put(path(store, "/login-policy"), Api.json("lockout_threshold", 7));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        Reply origin = admin.post(path(store, "/cors-origins"), Api.json("origin", "https://shop.enterprise.example"));
        assertThat(origin.status()).as(origin.toString()).isEqualTo(201);

        Api backEnd = Api.at(server.baseUrl()).bearer(secret.string("key"));
        Reply read = backEnd.get(path(store, "/login-policy"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().getInt("lockout_threshold")).isEqualTo(7);
        assertThat(backEnd.get("/api/v1/stores").items()).hasSize(1);
        assertProblem(backEnd.get(path(createStore(admin), "/login-policy")), 404, "not_found");
    }

    @Test
    void whenACustomerSignsUpThenTheTokensWorkRotateOnceAndEndAtLogout() {
        Api admin = admin();
        String store = createStore(admin);
        Reply key = admin.post(path(store, "/api-keys"), Api.json("type", "publishable", "label", "storefront"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        Api storefront = Api.at(server.baseUrl()).with("X-Storefront-Api-Key", key.string("key"));
        admin.put(path(store, "/login-policy"), Api.json("refresh_reuse_grace_seconds", 0));

        String email = "shopper." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply registered =
                storefront.post(path(store, "/auth/register"), Api.json("email", email, "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        JsonObject tokens = registered.json();
        Reply me = storefront.bearer(tokens.getString("access_token")).get(path(store, "/customers/me"));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body()).contains(email);

        Reply rotated = storefront.post(
                path(store, "/auth/token/refresh"), Api.json("refresh_token", tokens.getString("refresh_token")));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertProblem(
                storefront.post(
                        path(store, "/auth/token/refresh"),
                        Api.json("refresh_token", tokens.getString("refresh_token"))),
                401,
                "invalid_refresh_token");

        Reply login = storefront.post(path(store, "/auth/login"), Api.json("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String access = login.json().getString("access_token");
        assertThat(storefront.bearer(access).post(path(store, "/auth/logout")).status())
                .isEqualTo(204);
        assertProblem(storefront.bearer(access).get(path(store, "/customers/me")), 401, "unauthorized");
    }

    private static Api admin() {
        Reply login = Api.at(server.baseUrl())
                .post("/api/v1/accounts/login", Api.json("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return Api.at(server.baseUrl()).bearer(login.string("access_token"));
    }

    private static String createStore(Api admin) {
        Reply store = admin.post("/api/v1/stores", Api.json("name", "Enterprise " + UUID.randomUUID(), "mode", "test"));
        assertThat(store.status()).as(store.toString()).isEqualTo(201);
        return store.string("id");
    }

    private static String path(String store, String suffix) {
        return "/api/v1/stores/" + store + suffix;
    }
}
