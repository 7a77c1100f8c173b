package com.storefrontauth.it;

import static com.storefrontauth.it.CustomerSignInIT.register;
import static com.storefrontauth.it.CustomerSignInIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.console.Browser;
import com.storefrontauth.it.console.MessagesPage;
import com.storefrontauth.it.console.SignInPage;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.MailServer;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Messages page of the console in headless Chromium, checked against the real emails (GreenMail) the
 * next sign-in code produces: the edited text and its preview, the refusal of a template without the code,
 * the store's language for built-in texts, and an HTML part that shows a hostile store name as text.
 */
class MessagesConsoleIT {

    private static final MailServer MAIL = MailServer.get();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(RunningServer.get().baseUrl());
        SignInPage.open(browser).signIn(RunningServer.ADMIN_EMAIL, RunningServer.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void whenTheSignInTemplateIsEditedInHindiThenThePreviewAndTheNextEmailSayItAndAResetBringsTheBuiltInBack() {
        StoreFixture store = Fixtures.newStore();
        profile(store, "preferred_language", "hi");
        MessagesPage page = MessagesPage.open(browser, store.id());
        assertThat(page.builtInLanguage()).isEqualTo("Hindi");
        assertThat(page.text()).startsWith("{{code}} आपका {{store_name}} साइन-इन कोड है।");
        assertThat(page.resetEnabled()).isFalse();

        page.write("{{store_name}}: आपका कोड", "नमस्ते! आपका कोड {{code}} है।\n{{minutes}} मिनट तक मान्य।");
        assertThat(page.previewText("नमस्ते! आपका कोड 123456 है।\n5 मिनट तक मान्य।"))
                .isEqualTo("नमस्ते! आपका कोड 123456 है।\n5 मिनट तक मान्य।");
        assertThat(page.previewSubject()).isEqualTo(name(store) + ": आपका कोड");
        assertThat(page.previewHtmlText()).contains(name(store), "नमस्ते! आपका कोड 123456 है।");
        assertThat(page.save()).containsExactly("Template saved: the next sign-in code uses it.");
        assertThat(page.resetEnabled()).isTrue();

        String email = unique("hindi") + "@example.com";
        MailServer.Mail mail = startEmailCode(store, email);
        String code = code(mail.body());
        assertThat(mail.subject()).isEqualTo(name(store) + ": आपका कोड");
        assertThat(mail.body().strip()).isEqualTo("नमस्ते! आपका कोड " + code + " है।\n5 मिनट तक मान्य।");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.html()).contains("नमस्ते! आपका कोड <strong", code + "</strong> है।<br>");
        assertThat(types(store, "message_template_changed")).hasSize(1);

        assertThat(page.reset()).containsExactly("Back to the built-in text.");
        assertThat(page.text()).startsWith("{{code}} आपका {{store_name}} साइन-इन कोड है।");
        assertThat(types(store, "message_template_reset")).hasSize(1);
        MailServer.Mail next = startEmailCode(store, unique("hindi") + "@example.com");
        assertThat(next.body()).startsWith(code(next.body()) + " आपका " + name(store) + " साइन-इन कोड है।");
    }

    @Test
    void whenATemplateDropsTheCodeThenThePreviewAndSaveRefuseItAndTheEmailKeepsTheBuiltInText() {
        StoreFixture store = Fixtures.newStore();
        MessagesPage page = MessagesPage.open(browser, store.id());
        assertThat(page.builtInLanguage()).isEqualTo("English");

        page.write("Welcome", "Welcome to {{store_name}}, see you soon!");
        String noCode = "text must contain {{code}}: it is what the message carries";
        assertThat(page.previewRefusal(noCode)).isEqualTo(noCode);
        assertThat(page.save()).containsExactly("text must contain {{code}}: it is what the message carries");

        page.write("Welcome", "{{code}} <b>now</b>");
        String markup = "text must not contain links, web or email addresses, or < and > (the reset link is {{link}})";
        assertThat(page.previewRefusal(markup)).isEqualTo(markup);
        assertThat(types(store, "message_template_changed")).isEmpty();

        String email = unique("kept") + "@example.com";
        MailServer.Mail mail = startEmailCode(store, email);
        assertThat(mail.body()).startsWith(code(mail.body()) + " is your " + name(store) + " sign-in code.");
    }

    @Test
    void whenTheStoreNameCarriesMarkupThenTheEmailsHtmlPartShowsItAsTextUnderTheLogo() {
        StoreFixture store = Fixtures.newStore();
        Reply renamed = Fixtures.admin()
                .patch(
                        store.path(""),
                        Api.json(
                                "name",
                                "<img src=x onerror=alert(1)> Tom & Jerry's <b>Shop</b>",
                                "logo_url",
                                "https://cdn.example.com/logo.png?v=1&s=2"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        String email = unique("markup") + "@example.com";
        MailServer.Mail mail = startEmailCode(store, email);

        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.html())
                .contains(
                        "<h1 style=\"font-size:20px;margin:0 0 16px\">img src=x onerror=alert(1) Tom &amp; Jerry&#39;s b"
                                + " Shop /b</h1>")
                .contains("<img src=\"https://cdn.example.com/logo.png?v=1&amp;s=2\"")
                .doesNotContain("<img src=x", "<b>", "Jerry's");
        assertThat(mail.body()).contains("img src=x onerror=alert(1) Tom & Jerry's b Shop /b sign-in code");
    }

    @Test
    void whenTheStorePrefersIndonesianThenTheBuiltInIndonesianTextIsShownAndSent() {
        StoreFixture store = Fixtures.newStore();
        profile(store, "preferred_language", "id");
        MessagesPage page = MessagesPage.open(browser, store.id());
        assertThat(page.builtInLanguage()).isEqualTo("Indonesian");
        assertThat(page.subject()).isEqualTo("Kode masuk {{store_name}} Anda");
        browser.screenshot("console-messages");

        String email = unique("indo") + "@example.com";
        MailServer.Mail mail = startEmailCode(store, email);
        String code = code(mail.body());

        assertThat(mail.subject()).isEqualTo("Kode masuk " + name(store) + " Anda");
        assertThat(mail.body())
                .startsWith(code + " adalah kode masuk " + name(store) + " Anda. Kode ini berlaku selama 5 menit.");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.html()).contains(code + "</strong> adalah kode masuk");
    }

    /** Registers a customer, starts their sign-in by emailed code and returns the mail it sends. */
    private static MailServer.Mail startEmailCode(StoreFixture store, String email) {
        register(store, email);
        Reply started = store.storefront().post(store.path("/auth/login/email"), Api.json("email", email));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        MailServer.Mail mail = MAIL.latest(email, 1);
        // the text part travels with CRLF line ends
        return new MailServer.Mail(
                mail.to(),
                mail.from(),
                mail.subject(),
                mail.body().replace("\r\n", "\n"),
                mail.html(),
                mail.contentType());
    }

    private static String code(String body) {
        Matcher matcher = CODE.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static String name(StoreFixture store) {
        JsonObject found = Fixtures.admin().get(store.path("")).json();
        return found.getString("name");
    }

    private static void profile(StoreFixture store, String field, String value) {
        Reply changed = Fixtures.admin().patch(store.path(""), Api.json(field, value));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private static List<JsonObject> types(StoreFixture store, String type) {
        Reply events = Fixtures.admin().get(store.path("/events?type=" + type));
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        return events.items().getValuesAs(JsonObject.class);
    }
}
