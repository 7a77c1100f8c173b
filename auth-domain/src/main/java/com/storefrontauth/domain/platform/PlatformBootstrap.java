package com.storefrontauth.domain.platform;

import com.storefrontauth.domain.access.Operator;
import com.storefrontauth.domain.account.AccountId;
import com.storefrontauth.domain.account.AccountRepository;
import com.storefrontauth.domain.account.AccountRole;
import com.storefrontauth.domain.account.AccountStatus;
import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyService;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.cors.CorsPolicy;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.signing.SigningKeyRing;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.store.StoreService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First-start set-up: the platform admin (with a generated password printed once when none is
 * configured), the first signing key, and on request a test-mode demo store with a publishable key.
 */
@ApplicationScoped
public class PlatformBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());
    private static final String DEMO_STORE_SETTING = "demo_store_id";
    private static final ClientInfo SYSTEM = new ClientInfo(null, "bootstrap");

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    PlatformSettings settings;

    @Inject
    StoreService stores;

    @Inject
    ApiKeyService keys;

    @Inject
    CorsPolicy cors;

    @Inject
    SigningKeyRing signingKeys;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "auth.bootstrap.admin.email", defaultValue = "admin@localhost")
    String adminEmail;

    @Inject
    @ConfigProperty(name = "auth.bootstrap.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "auth.demo", defaultValue = "false")
    boolean demo;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        signingKeys.algorithm();
        MerchantAccount admin = transactions.required(this::ensurePlatformAdmin);
        signingKeys.current();
        if (demo) {
            ensureDemoStore(admin);
        }
    }

    private MerchantAccount ensurePlatformAdmin() {
        EmailAddress email = EmailAddress.parse(adminEmail)
                .orElseThrow(() ->
                        new IllegalStateException("auth.bootstrap.admin.email is not an email address: " + adminEmail));
        Optional<MerchantAccount> existing = accounts.findByEmail(email.value());
        if (existing.isPresent()) {
            return existing.get();
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = RandomSecret.generate("");
        }
        MerchantAccount admin = new MerchantAccount(
                AccountId.generate(),
                email.value(),
                "Platform admin",
                AccountRole.PLATFORM_ADMIN,
                AccountStatus.ACTIVE,
                hasher.hash(password),
                clock.instant());
        accounts.insert(admin);
        if (generated) {
            // Printed exactly once, at creation: the operator has no other way to learn it.
            LOG.warning("Created platform admin " + email.value() + " with the generated password: " + password
                    + " (shown once; set AUTH_BOOTSTRAP_ADMIN_PASSWORD to choose it)");
        } else {
            LOG.info("Created platform admin " + email.value() + " with the configured password");
        }
        return admin;
    }

    private void ensureDemoStore(MerchantAccount admin) {
        Optional<String> existing = transactions.required(() -> settings.get(DEMO_STORE_SETTING));
        if (existing.isPresent()) {
            LOG.info("Demo store: " + existing.get() + " (publishable keys: GET /api/v1/stores/" + existing.get()
                    + "/api-keys)");
            return;
        }
        Operator operator = new Operator.PlatformAdmin(admin.id());
        transactions.required(() -> {
            Store store = stores.open(operator, "Demo Store", StoreMode.TEST, SYSTEM);
            ApiKey.Issued key = keys.issue(operator, store.id(), ApiKeyType.PUBLISHABLE, "Demo storefront", SYSTEM);
            for (String origin : new String[] {"http://localhost:3000", "http://127.0.0.1:3000"}) {
                try {
                    cors.allow(operator, store.id(), origin, SYSTEM);
                } catch (DomainException e) {
                    throw new IllegalStateException("demo origin refused: " + origin, e);
                }
            }
            settings.put(DEMO_STORE_SETTING, store.id().value());
            LOG.info("Created demo store " + store.id() + " (test mode) with publishable key " + key.value()
                    + " and CORS origins http://localhost:3000, http://127.0.0.1:3000");
        });
    }
}
