package com.storefrontauth.api.delivery;

import com.storefrontauth.domain.delivery.DeliveryFailedException;
import com.storefrontauth.domain.delivery.MessageTransport;
import com.storefrontauth.domain.otp.OtpChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Routes each message to its channel's provider. A channel without one is the dev channel: the
 * message is only recorded in the outbox (test-mode stores show it on their outbox page).
 */
@ApplicationScoped
public class ProviderTransport implements MessageTransport {

    @Inject
    DeliverySettings settings;

    @Inject
    SmtpTransport smtp;

    @Inject
    WebhookTransport webhooks;

    @Inject
    ChannelOutages outages;

    @Override
    public String deliver(Delivery delivery) throws DeliveryFailedException {
        OtpChannel channel = delivery.channel();
        String transport = settings.transportOf(channel);
        if (transport.equals("dev")) {
            return transport;
        }
        try {
            switch (channel) {
                case EMAIL -> smtp.send(delivery);
                case SMS -> webhooks.sms(delivery);
                case WHATSAPP -> webhooks.whatsapp(delivery);
                default -> throw new IllegalStateException("unknown channel " + channel);
            }
        } catch (CircuitBreakerOpenException open) {
            outages.opened(channel);
            throw new DeliveryFailedException(channel.wireValue() + " circuit is open", true, false, open);
        } catch (Undeliverable e) {
            throw new DeliveryFailedException(e.getMessage(), false, true, e);
        } catch (TimeoutException | BulkheadException | ProviderRefused e) {
            throw new DeliveryFailedException(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false, false, e);
        }
        outages.closed(channel);
        return transport;
    }

    @Override
    public Optional<Duration> outage(OtpChannel channel) {
        return outages.outage(channel);
    }
}
