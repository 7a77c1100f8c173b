package com.storefrontauth.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.domain.message.BuiltInMessages;
import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplate;
import com.storefrontauth.domain.message.RenderedMessage;
import com.storefrontauth.domain.store.StoreLanguage;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpMessagesTest {

    private static RenderedMessage signIn(String storeName) {
        return BuiltInMessages.of(MessageKind.SIGN_IN_CODE, StoreLanguage.DEFAULT)
                .render(new MessageTemplate.Values(storeName, "123456", null, Duration.ofMinutes(5), ""));
    }

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
        RenderedMessage message = signIn(storeName);
        String text = message.text();
        String subject = message.subject();
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
        assertThat(signIn(storeName).text()).startsWith("123456 is your " + rendered + " sign-in code.");
    }
}
