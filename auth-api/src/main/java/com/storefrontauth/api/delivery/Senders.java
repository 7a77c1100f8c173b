package com.storefrontauth.api.delivery;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.delivery.MessageTransport.Delivery;
import com.storefrontauth.domain.otp.OtpChannel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The provider calls, one method (and so one circuit breaker) per channel, under Fault Tolerance: a
 * short in-call retry with backoff, a timeout, a breaker that stops calling a failing provider, and a
 * bulkhead so a slow provider cannot take every sender thread. Longer outages are the outbox's
 * business (it reschedules while the code is valid). Breaker delays are in milliseconds: the unit
 * attribute is ignored by Payara 6.2025.10.
 */
@ApplicationScoped
public class Senders {

    static final long BREAKER_DELAY_MS = 10_000;
    private static final int TIMEOUT_MS = 5_000;

    @Inject
    DeliverySettings settings;

    @Inject
    Clock clock;

    private final Map<String, WebhookClient> webhooks = new ConcurrentHashMap<>();

    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = {CircuitBreakerOpenException.class, Undeliverable.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = BREAKER_DELAY_MS, successThreshold = 1,
            skipOn = Undeliverable.class)
    @Bulkhead(4)
    public void email(Delivery delivery) {
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
            message.setText(delivery.text(), StandardCharsets.UTF_8.name());
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

    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = {CircuitBreakerOpenException.class, Undeliverable.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = BREAKER_DELAY_MS, successThreshold = 1,
            skipOn = Undeliverable.class)
    @Bulkhead(4)
    public void sms(Delivery delivery) {
        webhook(delivery);
    }

    @Timeout(TIMEOUT_MS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = {CircuitBreakerOpenException.class, Undeliverable.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = BREAKER_DELAY_MS, successThreshold = 1,
            skipOn = Undeliverable.class)
    @Bulkhead(4)
    public void whatsapp(Delivery delivery) {
        webhook(delivery);
    }

    private void webhook(Delivery delivery) {
        String secret = settings.webhookSecret().orElseThrow(() -> new ProviderRefused(
                "auth.webhook.secret is not set: webhook messages are never sent unsigned", null));
        String body = JSON.createObjectBuilder()
                .add("channel", delivery.channel().wireValue())
                .add("to", delivery.recipient())
                .add("text", delivery.text())
                .add("otp", delivery.code())
                .add("store_id", delivery.store() == null ? "" : delivery.store().value())
                .add("message_id", delivery.messageId())
                .build().toString();
        String url = settings.webhookUrl(delivery.channel());
        WebhookClient client = webhooks.computeIfAbsent(url, Senders::client);
        WebhookSignature signature = WebhookSignature.of(secret, body, clock.instant());
        try (Response response = client.deliver(signature.body(), signature.timestamp(), signature.timestamped(),
                body)) {
            refuseUnlessSuccessful(response.getStatus());
        } catch (WebApplicationException e) {
            refuseUnlessSuccessful(e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new ProviderRefused("webhook unreachable: " + rootMessage(e), e);
        }
    }

    /** 400 and 422 say the message itself is bad (e.g. the number): sending it again cannot help. */
    private static void refuseUnlessSuccessful(int status) {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 400 || status == 422) {
            throw new Undeliverable("webhook refused the message: HTTP " + status);
        }
        throw new ProviderRefused("webhook answered HTTP " + status, null);
    }

    private static WebhookClient client(String url) {
        return RestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .build(WebhookClient.class);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @PreDestroy
    void close() {
        webhooks.values().forEach(client -> {
            if (client instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException ignored) {
                    // shutting down
                }
            }
        });
    }

    /**
     * The message can never be delivered (a malformed or refused address). It does not count against
     * the provider's circuit breaker, so hostile addresses cannot take a channel down for everyone.
     */
    static final class Undeliverable extends RuntimeException {
        Undeliverable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A provider did not take the message; its text is safe to log. */
    static final class ProviderRefused extends RuntimeException {
        ProviderRefused(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }
}
