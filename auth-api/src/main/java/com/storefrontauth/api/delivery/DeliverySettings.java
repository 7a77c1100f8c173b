package com.storefrontauth.api.delivery;

import com.storefrontauth.domain.otp.OtpChannel;
import com.storefrontauth.domain.platform.StartupRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where messages go (API.md "Configuration"); a channel without a provider uses the dev channel. */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    @ConfigProperty(name = "auth.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "auth.smtp.port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "auth.smtp.from", defaultValue = "Storefront Auth <no-reply@localhost>")
    String smtpFrom;

    @Inject
    @ConfigProperty(name = "auth.smtp.username")
    Optional<String> smtpUsername;

    @Inject
    @ConfigProperty(name = "auth.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "auth.smtp.starttls", defaultValue = "false")
    boolean smtpStarttls;

    @Inject
    @ConfigProperty(name = "auth.sms.webhook.url")
    Optional<String> smsWebhook;

    @Inject
    @ConfigProperty(name = "auth.whatsapp.webhook.url")
    Optional<String> whatsappWebhook;

    @Inject
    @ConfigProperty(name = "auth.webhook.secret")
    Optional<String> webhookSecret;

    /** A webhook URL that would send codes in clear over the network stops the start (see {@link WebhookUrl}). */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Map.of("auth.sms.webhook.url", smsWebhook, "auth.whatsapp.webhook.url", whatsappWebhook)
                .forEach((setting, url) -> url.filter(value -> !value.isBlank())
                        .flatMap(value -> WebhookUrl.refusal(setting, value))
                        .ifPresent(reason -> {
                            throw StartupRefusal.refuse("Refusing to start: " + reason);
                        }));
    }

    /** The provider of a channel: {@code smtp}, {@code webhook}, or {@code dev} when none is configured. */
    public String transportOf(OtpChannel channel) {
        return switch (channel) {
            case EMAIL -> present(smtpHost) ? "smtp" : "dev";
            case SMS -> present(smsWebhook) ? "webhook" : "dev";
            case WHATSAPP -> present(whatsappWebhook) ? "webhook" : "dev";
        };
    }

    String webhookUrl(OtpChannel channel) {
        return (channel == OtpChannel.WHATSAPP ? whatsappWebhook : smsWebhook).orElseThrow();
    }

    Optional<String> webhookSecret() {
        return webhookSecret.filter(value -> !value.isBlank());
    }

    String smtpHost() {
        return smtpHost.orElseThrow();
    }

    int smtpPort() {
        return smtpPort;
    }

    String smtpFrom() {
        return smtpFrom;
    }

    Optional<String> smtpUsername() {
        return smtpUsername.filter(value -> !value.isBlank());
    }

    Optional<String> smtpPassword() {
        return smtpPassword;
    }

    boolean smtpStarttls() {
        return smtpStarttls;
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
