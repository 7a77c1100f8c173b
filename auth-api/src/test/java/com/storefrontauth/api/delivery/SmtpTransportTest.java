package com.storefrontauth.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.delivery.MessageTransport.Delivery;
import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.store.StoreId;
import jakarta.mail.Multipart;
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

    @Test
    void whenAnEmailHasAnHtmlPartThenItGoesAsAlternativesTextFirst() throws Exception {
        Delivery delivery = new Delivery(
                "msg_1",
                StoreId.generate(),
                OtpChannel.EMAIL,
                "ada@example.com",
                "Your code",
                "123456 is your code.",
                "<p>Toko &amp; Co: <strong>123456</strong></p>",
                "123456");

        Multipart alternatives = SmtpTransport.alternatives(delivery);

        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getDataHandler().getContentType())
                .isEqualTo("text/plain; charset=UTF-8");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("123456 is your code.");
        assertThat(alternatives.getBodyPart(1).getDataHandler().getContentType())
                .isEqualTo("text/html; charset=UTF-8");
        assertThat(alternatives.getBodyPart(1).getContent()).isEqualTo("<p>Toko &amp; Co: <strong>123456</strong></p>");
    }
}
