package com.storefrontauth.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.store.StoreLanguage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTemplateTest {

    private static final MessageTemplate.Values VALUES = new MessageTemplate.Values(
            "Tom & Jerry's <b>Shop</b>",
            "482913",
            null,
            Duration.ofMinutes(10),
            "https://cdn.example.com/l.png?a=1&b=\"2\"");

    private static Map<String, List<String>> refusal(MessageKind kind, String subject, String text) {
        try {
            MessageTemplate.checked(kind, subject, text);
        } catch (DomainException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            return refused.fieldErrors();
        }
        throw new AssertionError("accepted: " + subject + " / " + text);
    }

    @Test
    void whenACodeTemplateDropsTheCodeThenItIsRefusedNamingTheText() {
        assertThat(refusal(MessageKind.SIGN_IN_CODE, "Your code", "Welcome to {{store_name}}!"))
                .containsEntry("text", List.of("must contain {{code}}: it is what the message carries"));
    }

    @Test
    void whenALinkTemplateDropsTheLinkOrAsksForACodeThenItIsRefused() {
        assertThat(refusal(MessageKind.RESET_LINK, "Reset", "Your code is {{code}}")
                        .get("text"))
                .containsExactlyInAnyOrder(
                        "has the unknown placeholder {{code}}; it may use {{store_name}}, {{minutes}}, {{link}}",
                        "must contain {{link}}: it is what the message carries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{cod}}", "{{ code }}", "{{CODE}}", "{{customer_name}}", "{{link}}"})
    void whenATemplateNamesAPlaceholderItsKindDoesNotFillThenItIsRefused(String placeholder) {
        assertThat(refusal(MessageKind.SIGN_IN_CODE, "Code", "{{code}} and " + placeholder)
                        .get("text"))
                .singleElement()
                .asString()
                .startsWith("has the unknown placeholder " + placeholder);
    }

    @Test
    void whenASubjectCarriesTheCodeOrABraceIsLeftOpenThenItIsRefused() {
        assertThat(refusal(MessageKind.SIGN_IN_CODE, "Code {{code}}", "{{code}} {{store_name"))
                .containsEntry("subject", List.of("must not contain {{code}}: subjects show in notifications"))
                .containsEntry("text", List.of("has a {{ or }} that is not part of a placeholder"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{code}} <a href=x>click</a>",
                "{{code}} visit https://evil.example now",
                "{{code}} mail help@evil.example",
                "{{code}} go to www. evil",
                "{{code}} at evil.example"
            })
    void whenATemplateCarriesMarkupALinkOrAnAddressThenItIsRefused(String text) {
        assertThat(refusal(MessageKind.SIGN_IN_CODE, "Your code", text).get("text"))
                .contains("must not contain links, web or email addresses, or < and > (the reset link is {{link}})");
    }

    @Test
    void whenATemplateIsTooLongOrEmptyThenItIsRefused() {
        assertThat(refusal(MessageKind.SIGN_IN_CODE, "x".repeat(151), "{{code}}" + "y".repeat(1000)))
                .containsEntry("subject", List.of("must be at most 150 characters"))
                .containsEntry("text", List.of("must be at most 1000 characters"));
        assertThat(refusal(MessageKind.SIGN_IN_CODE, " ", "{{code}}"))
                .containsEntry("subject", List.of("must not be empty"));
        assertThat(refusal(MessageKind.SIGN_IN_CODE, "Code", "{{code}}".repeat(7)))
                .containsEntry("text", List.of("may use at most 6 placeholders"));
    }

    @Test
    void whenAMultiLineSubjectIsGivenThenItIsRefusedButTheTextKeepsItsLinesAsLf() {
        assertThat(refusal(MessageKind.SIGN_IN_CODE, "Two\nlines", "{{code}}"))
                .containsEntry("subject", List.of("must be one line"));
        assertThat(MessageTemplate.checked(MessageKind.SIGN_IN_CODE, " Code ", "Hi!\r\n{{code}}\r\n")
                        .text())
                .isEqualTo("Hi!\n{{code}}");
    }

    @Test
    void whenRenderedThenTheTextFillsEveryPlaceholderAndTheStoreNameIsPlainWords() {
        RenderedMessage message = MessageTemplate.checked(
                        MessageKind.SIGN_IN_CODE,
                        "{{store_name}}: your code",
                        "Hello from {{store_name}}!\nCode {{code}}, good for {{minutes}} min.")
                .render(VALUES);

        assertThat(message.subject()).isEqualTo("Tom & Jerry's b Shop /b: your code");
        assertThat(message.text()).isEqualTo("Hello from Tom & Jerry's b Shop /b!\nCode 482913, good for 10 min.");
    }

    @Test
    void whenRenderedAsHtmlThenEveryPieceIsEscapedAndOnlyOurMarkupRemains() {
        RenderedMessage message = MessageTemplate.checked(
                        MessageKind.SIGN_IN_CODE, "Code", "Tom's \"deal\" & more:\n{{code}} at {{store_name}}")
                .render(VALUES);

        assertThat(message.html())
                .contains("<h1 style=\"font-size:20px;margin:0 0 16px\">Tom &amp; Jerry&#39;s b Shop /b</h1>")
                .contains("Tom&#39;s &quot;deal&quot; &amp; more:<br>")
                .contains(">482913</strong> at Tom &amp; Jerry&#39;s b Shop /b</p>")
                .contains("<img src=\"https://cdn.example.com/l.png?a=1&amp;b=&quot;2&quot;\"")
                .doesNotContain("<b>", "Jerry's");
    }

    @Test
    void whenTheStoreHasNoLogoThenTheHtmlHasNoImage() {
        RenderedMessage message = BuiltInMessages.of(MessageKind.SIGN_IN_CODE, StoreLanguage.DEFAULT)
                .render(new MessageTemplate.Values("Acme", "1234", null, Duration.ofMinutes(5), ""));

        assertThat(message.html()).doesNotContain("<img").contains("<h1");
    }

    @Test
    void whenALinkIsRenderedAsHtmlThenItIsTheOneAnchorWithItsAddressEscaped() {
        RenderedMessage message = BuiltInMessages.of(MessageKind.RESET_LINK, StoreLanguage.DEFAULT)
                .render(new MessageTemplate.Values(
                        "Acme",
                        null,
                        "https://shop.example/reset-password?token=rst_1&x=<y>",
                        Duration.ofMinutes(30),
                        ""));

        assertThat(message.text())
                .isEqualTo(
                        "Reset your Acme password: https://shop.example/reset-password?token=rst_1&x=<y>\n\n"
                                + "The link works once and expires in 30 minutes. If you did not ask for it, ignore this message.");
        assertThat(message.html())
                .contains("<a href=\"https://shop.example/reset-password?token=rst_1&amp;x=&lt;y&gt;\">")
                .containsOnlyOnce("<a ");
    }

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void whenABuiltInTextIsUsedThenEachLanguageHasItsOwnWordsWithTheSecretAndTheMinutes(MessageKind kind) {
        for (String tag : List.of("en", "id", "hi", "az")) {
            MessageTemplate template =
                    BuiltInMessages.of(kind, StoreLanguage.parse(tag).orElseThrow());
            assertThat(template.text()).contains(kind.secret().token(), "{{minutes}}");
            if (!tag.equals("en")) {
                assertThat(template.text())
                        .isNotEqualTo(
                                BuiltInMessages.of(kind, StoreLanguage.DEFAULT).text());
            }
        }
    }

    @Test
    void whenTheStorePrefersIndonesianHindiOrAzerbaijaniThenTheBuiltInSignInTextIsInIt() {
        assertThat(BuiltInMessages.of(
                                MessageKind.SIGN_IN_CODE,
                                StoreLanguage.parse("id").orElseThrow())
                        .text())
                .startsWith("{{code}} adalah kode masuk {{store_name}} Anda.");
        assertThat(BuiltInMessages.of(
                                MessageKind.SIGN_IN_CODE,
                                StoreLanguage.parse("hi").orElseThrow())
                        .text())
                .startsWith("{{code}} आपका {{store_name}} साइन-इन कोड है।");
        assertThat(BuiltInMessages.of(
                                MessageKind.SIGN_IN_CODE,
                                StoreLanguage.parse("az").orElseThrow())
                        .subject())
                .isEqualTo("{{store_name}} giriş kodunuz");
    }

    @Test
    void whenTheStorePrefersALanguageWithoutBuiltInTextsThenEnglishSpeaksForIt() {
        StoreLanguage german = StoreLanguage.parse("de").orElseThrow();
        assertThat(BuiltInMessages.speaks(german)).isFalse();
        assertThat(BuiltInMessages.of(MessageKind.SIGN_IN_CODE, german))
                .isEqualTo(BuiltInMessages.of(MessageKind.SIGN_IN_CODE, StoreLanguage.DEFAULT));
    }

    @Test
    void whenAnUnknownKindIsNamedThenNoneIsFound() {
        assertThat(MessageKind.fromWire("reset_link")).contains(MessageKind.RESET_LINK);
        assertThat(MessageKind.fromWire("RESET_LINK")).isEmpty();
        assertThatThrownBy(() -> MessageTemplate.checked(MessageKind.SIGN_IN_CODE, null, null))
                .isInstanceOf(DomainException.class);
    }
}
