package com.storefrontauth.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

    private static DeliverySettings smtp(boolean starttls) {
        DeliverySettings settings = new DeliverySettings();
        settings.smtpHost = Optional.of("smtp.example.com");
        settings.smtpPort = 587;
        settings.smtpUsername = Optional.of("mailer");
        settings.smtpPassword = Optional.of("secret");
        settings.smtpStarttls = starttls;
        return settings;
    }

    @Test
    void whenStarttlsIsOnThenTheUpgradeIsRequiredAndTheCertificateMustNameTheServer() {
        Properties properties = SmtpTransport.smtpProperties(smtp(true));

        assertThat(properties)
                .containsEntry("mail.smtp.host", "smtp.example.com")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "true");
    }

    @Test
    void whenStarttlsIsOffThenNoUpgradeIsAttempted() {
        Properties properties = SmtpTransport.smtpProperties(smtp(false));

        assertThat(properties)
                .containsEntry("mail.smtp.starttls.enable", "false")
                .containsEntry("mail.smtp.starttls.required", "false")
                .doesNotContainKey("mail.smtp.ssl.checkserveridentity");
    }
}
