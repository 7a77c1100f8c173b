package com.storefrontauth.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "shared-secret";
    private static final String BODY = "{\"channel\":\"sms\",\"otp\":\"123456\"}";

    private static String hmac(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whenABodyIsSignedThenTheApiMdSignatureIsUnchangedAndTheTimestampedOneCoversTimestampDotBody()
            throws Exception {
        WebhookSignature signature = WebhookSignature.of(SECRET, BODY, Instant.ofEpochSecond(1_767_225_600L, 999));

        assertThat(signature.body()).isEqualTo("sha256=" + hmac(BODY));
        assertThat(signature.timestamp()).isEqualTo("1767225600");
        assertThat(signature.timestamped()).isEqualTo("t=1767225600,sha256=" + hmac("1767225600." + BODY));
    }

    @Test
    void whenTheSameBodyIsSignedAtAnotherTimeThenOnlyTheTimestampedSignatureChanges() {
        WebhookSignature first = WebhookSignature.of(SECRET, BODY, Instant.ofEpochSecond(1_767_225_600L));
        WebhookSignature later = WebhookSignature.of(SECRET, BODY, Instant.ofEpochSecond(1_767_225_900L));

        assertThat(later.body()).isEqualTo(first.body());
        assertThat(later.timestamped()).isNotEqualTo(first.timestamped());
    }
}
