package com.storefrontauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsAtRestTest {

    private static final Optional<String> SET = Optional.of("a configured secret");
    private static final Optional<String> UNSET = Optional.empty();

    @Test
    void whenTheDatabaseIsEmbeddedH2ThenNeitherSecretIsRequired() {
        assertThat(SecretsAtRest.refusal(Database.DEFAULT_URL, UNSET, UNSET)).isEmpty();
        assertThat(SecretsAtRest.refusal("jdbc:h2:/srv/auth/db;LOCK_TIMEOUT=10000", UNSET, UNSET))
                .isEmpty();
        assertThat(SecretsAtRest.refusal("jdbc:h2:mem:test", UNSET, UNSET)).isEmpty();
    }

    @Test
    void whenPostgresqlLacksEitherSecretThenStartingIsRefusedNamingBothAndTheMissingOnes() {
        String url = "jdbc:postgresql://db/auth?password=s3cret";

        assertThat(SecretsAtRest.refusal(url, UNSET, UNSET))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("Refusing to start")
                        .contains("AUTH_SIGNING_ENCRYPTION_KEY", "AUTH_OTP_SECRET")
                        .endsWith("missing: AUTH_SIGNING_ENCRYPTION_KEY, AUTH_OTP_SECRET")
                        .doesNotContain("s3cret")
                        .doesNotContain("\n"));
        assertThat(SecretsAtRest.refusal(url, SET, UNSET))
                .hasValueSatisfying(reason -> assertThat(reason).endsWith("missing: AUTH_OTP_SECRET"));
        assertThat(SecretsAtRest.refusal(url, UNSET, Optional.of("  ")))
                .hasValueSatisfying(
                        reason -> assertThat(reason).endsWith("missing: AUTH_SIGNING_ENCRYPTION_KEY, AUTH_OTP_SECRET"));
    }

    @Test
    void whenAnApplicationServersResourceLacksASecretThenStartingIsRefusedWhateverDatabaseIsBehindIt() {
        assertThat(SecretsAtRest.refusalForResource("jdbc/storefrontAuth", SET, UNSET))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("Refusing to start")
                        .contains("jdbc/storefrontAuth")
                        .endsWith("missing: AUTH_OTP_SECRET"));
        assertThat(SecretsAtRest.refusalForResource("jdbc/storefrontAuth", SET, SET))
                .isEmpty();
    }

    @Test
    void whenPostgresqlHasBothSecretsThenItStarts() {
        assertThat(SecretsAtRest.refusal("jdbc:postgresql://db/auth", SET, SET)).isEmpty();
    }

    @Test
    void whenH2IsAServerReachedOverTheNetworkThenItCountsAsAnotherDatabase() {
        assertThat(SecretsAtRest.refusal("jdbc:h2:tcp://db:9092/auth", UNSET, SET))
                .isPresent();
        assertThat(SecretsAtRest.refusal("JDBC:H2:SSL://db/auth", SET, UNSET)).isPresent();
    }
}
