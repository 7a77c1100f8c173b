package com.storefrontauth.api.delivery;

import static com.storefrontauth.api.delivery.ProviderCalls.BREAKER_DELAY_MS;
import static com.storefrontauth.api.delivery.ProviderCalls.TIMEOUT_MS;

import com.storefrontauth.domain.delivery.MessageTransport.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** Email (text, plus the HTML part when it has one) through the configured SMTP server, under the {@link ProviderCalls} limits (one breaker). */
@ApplicationScoped
public class SmtpTransport {

    @Inject
    DeliverySettings settings;

    @Timeout(TIMEOUT_MS)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            abortOn = {CircuitBreakerOpenException.class, Undeliverable.class})
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.75,
            delay = BREAKER_DELAY_MS,
            successThreshold = 1,
            skipOn = Undeliverable.class)
    @Bulkhead(4)
    public void send(Delivery delivery) {
        Properties properties = smtpProperties(settings);
        Authenticator authenticator = null;
        if (settings.smtpUsername().isPresent()) {
            String user = settings.smtpUsername().get();
            String password = settings.smtpPassword().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(delivery.recipient(), true);
        } catch (AddressException e) {
            throw new Undeliverable("SMTP: the address is not deliverable: " + e.getMessage());
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties, authenticator));
            message.setFrom(new InternetAddress(settings.smtpFrom()));
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(delivery.subject(), StandardCharsets.UTF_8.name());
            if (delivery.html() == null) {
                message.setText(delivery.text(), StandardCharsets.UTF_8.name());
            } else {
                message.setContent(alternatives(delivery));
            }
            message.setHeader("X-Auth-Message-Id", delivery.messageId());
            Transport.send(message);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new Undeliverable("SMTP: the server refused the recipient: " + e.getMessage());
            }
            throw new ProviderRefused("SMTP: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            // the exception text names the server's answer, never the message
            throw new ProviderRefused("SMTP: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** multipart/alternative: the text first and the HTML part last, the order RFC 2046 gives preference by. */
    static Multipart alternatives(Delivery delivery) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(delivery.text(), StandardCharsets.UTF_8.name());
        alternatives.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(delivery.html(), StandardCharsets.UTF_8.name(), "html");
        alternatives.addBodyPart(html);
        return alternatives;
    }

    /**
     * The mail session: with STARTTLS on, the upgrade is required (a server that does not offer it is
     * not sent the code in clear) and the certificate must name the configured host.
     */
    static Properties smtpProperties(DeliverySettings settings) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
        properties.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
        properties.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
        properties.put("mail.mime.allowutf8", "true");
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStarttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.smtpStarttls()));
        if (settings.smtpStarttls()) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (settings.smtpUsername().isPresent()) {
            properties.put("mail.smtp.auth", "true");
        }
        return properties;
    }
}
