package com.storefrontauth.api.delivery;

import static com.storefrontauth.api.delivery.ProviderCalls.BREAKER_DELAY_MS;
import static com.storefrontauth.api.delivery.ProviderCalls.TIMEOUT_MS;
import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.delivery.MessageTransport.Delivery;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * SMS and WhatsApp through the configured signed webhooks, under the {@link ProviderCalls} limits: one method,
 * and so one circuit breaker, per channel, so that a failing SMS provider leaves WhatsApp open.
 */
@ApplicationScoped
public class WebhookTransport {

    @Inject
    DeliverySettings settings;

    @Inject
    Clock clock;

    private final Map<String, WebhookClient> webhooks = new ConcurrentHashMap<>();

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
    public void sms(Delivery delivery) {
        webhook(delivery);
    }

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
    public void whatsapp(Delivery delivery) {
        webhook(delivery);
    }

    private void webhook(Delivery delivery) {
        String secret = settings.webhookSecret()
                .orElseThrow(() -> new ProviderRefused(
                        "auth.webhook.secret is not set: webhook messages are never sent unsigned", null));
        String body = JSON.createObjectBuilder()
                .add("channel", delivery.channel().wireValue())
                .add("to", delivery.recipient())
                .add("text", delivery.text())
                .add("otp", delivery.code())
                .add(
                        "store_id",
                        delivery.store() == null ? "" : delivery.store().value())
                .add("message_id", delivery.messageId())
                .build()
                .toString();
        String url = settings.webhookUrl(delivery.channel());
        WebhookClient client = webhooks.computeIfAbsent(url, WebhookTransport::client);
        WebhookSignature signature = WebhookSignature.of(secret, body, clock.instant());
        try (Response response =
                client.deliver(signature.body(), signature.timestamp(), signature.timestamped(), body)) {
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
}
