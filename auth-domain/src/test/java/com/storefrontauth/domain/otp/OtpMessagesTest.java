package com.storefrontauth.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpMessagesTest {

    /** Anything a mail client or a phone would turn into a link or markup. */
    private static final String LINKABLE =
            "(?is).*(://|www\\.|[\\p{L}\\p{N}]\\s*[.\u3002\uFF0E\uFF61@]\\s*[\\p{L}\\p{N}]|<|>).*";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Visit http://evil.example now",
                "<a href=\"https://evil.example\">Luxmart</a>",
                "www.evil.example",
                "evil . example",
                "Call hxxps:/evil\u3002example",
                "Mail help@evil.example",
                "Shop <https://evil.example/login>",
                "evil\uFF0Eexample",
                "JAVASCRIPT://x.y"
            })
    void whenAStoreNameHoldsALinkThenNeitherTheTextNorTheSubjectCarriesOne(String storeName) {
        String text = OtpMessages.text(OtpAction.LOGIN, storeName, "123456", Duration.ofMinutes(5));
        String subject = OtpMessages.subject(OtpAction.LOGIN, storeName);
        String shown = OtpMessages.plainName(storeName);

        assertThat(shown).doesNotMatch(LINKABLE);
        assertThat(text)
                .startsWith("123456 is your " + shown + " sign-in code.")
                .doesNotContain("://", "<", ">");
        assertThat(subject).isEqualTo("Your " + shown + " sign-in code");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Visit http://evil.example now|Visit evil example now",
                "<a href=\"https://evil.example\">Luxmart</a>|a href=\" evil example\" Luxmart /a",
                "Luxmart|Luxmart",
                "Café Ünïcode & Sons, Inc.|Café Ünïcode & Sons, Inc.",
                "Shop 24/7 - 50% off!|Shop 24/7 - 50% off!"
            })
    void whenAStoreNameIsRenderedThenOnlyLinkMakingCharactersChange(String storeName, String rendered) {
        assertThat(OtpMessages.plainName(storeName)).isEqualTo(rendered);
        assertThat(OtpMessages.text(OtpAction.LOGIN, storeName, "123456", Duration.ofMinutes(5)))
                .startsWith("123456 is your " + rendered + " sign-in code.");
    }
}
