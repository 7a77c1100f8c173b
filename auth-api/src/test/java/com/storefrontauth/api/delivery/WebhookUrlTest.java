package com.storefrontauth.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sms.example.com/hook",
                "HTTPS://sms.example.com:8443/hook?k=v",
                "http://127.0.0.1:8089/sms",
                "http://localhost/sms",
                "http://[::1]:9000/sms",
                "http://127.1.2.3/sms"
            })
    void whenTheUrlIsHttpsOrPlainHttpToLoopbackThenItIsAccepted(String url) {
        assertThat(WebhookUrl.refusal("auth.sms.webhook.url", url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://sms.example.com/hook",
                "http://10.0.0.5/hook",
                "http://127.0.0.1.evil.example/x",
                "http://localhost.evil.example/x",
                "http://[::2]/x"
            })
    void whenPlainHttpGoesToAnotherHostThenTheUrlIsRefusedNamingTheSetting(String url) {
        assertThat(WebhookUrl.refusal("auth.whatsapp.webhook.url", url))
                .hasValueSatisfying(
                        reason -> assertThat(reason).startsWith("auth.whatsapp.webhook.url must use https://"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://sms.example.com/hook", "sms.example.com/hook", "https:///nohost", "not a url"})
    void whenTheUrlIsNotAnHttpUrlWithAHostThenItIsRefused(String url) {
        assertThat(WebhookUrl.refusal("auth.sms.webhook.url", url)).isPresent();
    }

    @Test
    void whenAWebhookUrlCarriesCredentialsThenTheRefusalDoesNotRepeatThem() {
        assertThat(WebhookUrl.refusal("auth.sms.webhook.url", "http://sms.example.com/hook?token=s3cret"))
                .hasValueSatisfying(reason -> assertThat(reason).doesNotContain("s3cret"));
    }
}
