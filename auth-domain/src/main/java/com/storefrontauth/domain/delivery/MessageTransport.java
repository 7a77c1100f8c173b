package com.storefrontauth.domain.delivery;

import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.util.Optional;

/** The providers behind the channels (SMTP, the SMS/WhatsApp webhook, or the dev channel). */
public interface MessageTransport {

    /** One message, opened for the moment of sending; {@code html} is an email's HTML part (else null). */
    record Delivery(
            String messageId,
            StoreId store,
            OtpChannel channel,
            String recipient,
            String subject,
            String text,
            String html,
            String code) {

        @Override
        public String toString() {
            // never the text or code: they hold the secret
            return "Delivery[" + messageId + ", " + channel + "]";
        }
    }

    /**
     * Hands the message to the channel's provider.
     *
     * @return the name of the transport that accepted it ({@code smtp}, {@code webhook}, {@code dev})
     * @throws DeliveryFailedException when the provider refused it, timed out, or its circuit is open
     */
    String deliver(Delivery delivery) throws DeliveryFailedException;

    /** How long the channel is known to be down (its circuit breaker is open); empty when it takes messages. */
    Optional<Duration> outage(OtpChannel channel);
}
