package com.storefrontauth.domain.message;

import com.storefrontauth.domain.otp.OtpMessages;
import com.storefrontauth.domain.shared.FieldErrors;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The subject and text of one kind of message, with placeholders. A template is only ever built checked
 * ({@link #checked}): it keeps the secret its kind carries, names no placeholder that kind does not fill,
 * stays short enough for a text message, and holds no link, address or markup of its own (messages reach
 * strangers' inboxes and phones through the platform's providers; the only link is our {@code {{link}}}).
 * {@link #render} fills it in twice: as plain text, and as HTML where everything but our own markup is
 * escaped.
 */
public record MessageTemplate(String subject, String text) {

    static final int MAX_SUBJECT = 150;
    static final int MAX_TEXT = 1000;
    /** Bounds what one template can expand to (a store name is up to 120 characters). */
    static final int MAX_PLACEHOLDERS = 6;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)\\}\\}");
    /** A scheme, markup, or a dot or {@code @} joining two word characters (a host name, an address). */
    private static final Pattern LINK_OR_MARKUP = Pattern.compile(
            "[\\p{L}\\p{N}+.-]*:/+|[<>]|www\\s*\\.|(?<=[\\p{L}\\p{N}])[.\u3002\uFF0E\uFF61@\uFF20](?=[\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /**
     * The template as given for {@code kind}, line breaks as LF, or a 400 naming {@code subject} and
     * {@code text} with every reason at once.
     */
    public static MessageTemplate checked(MessageKind kind, String subject, String text) {
        String cleanSubject = subject == null ? "" : subject.strip();
        String cleanText = text == null ? "" : text.replace("\r\n", "\n").strip();
        FieldErrors errors = new FieldErrors();
        check("subject", cleanSubject, MAX_SUBJECT, false, kind, errors);
        check("text", cleanText, MAX_TEXT, true, kind, errors);
        if (!placeholders(cleanText).contains(kind.secret())) {
            errors.add("text", "must contain " + kind.secret().token() + ": it is what the message carries");
        }
        errors.throwIfAny();
        return new MessageTemplate(cleanSubject, cleanText);
    }

    private static void check(
            String field, String value, int max, boolean lineBreaks, MessageKind kind, FieldErrors errors) {
        if (value.isEmpty()) {
            errors.add(field, "must not be empty");
            return;
        }
        if (value.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && !(lineBreaks && c == '\n'))) {
            errors.add(
                    field,
                    lineBreaks ? "must not contain control characters other than line breaks" : "must be one line");
        }
        if (LINK_OR_MARKUP.matcher(PLACEHOLDER.matcher(value).replaceAll(" ")).find()) {
            errors.add(
                    field, "must not contain links, web or email addresses, or < and > (the reset link is {{link}})");
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        int count = 0;
        while (matcher.find()) {
            count++;
            Placeholder placeholder = Placeholder.named(matcher.group(1)).orElse(null);
            if (placeholder == null || !allowed(kind).contains(placeholder)) {
                errors.add(field, "has the unknown placeholder " + matcher.group() + "; it may use " + tokens(kind));
            } else if (placeholder.isSecret() && !lineBreaks) {
                errors.add(field, "must not contain " + placeholder.token() + ": subjects show in notifications");
            }
        }
        if (count > MAX_PLACEHOLDERS) {
            errors.add(field, "may use at most " + MAX_PLACEHOLDERS + " placeholders");
        }
        String rest = PLACEHOLDER.matcher(value).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            errors.add(field, "has a {{ or }} that is not part of a placeholder");
        }
    }

    /** The placeholders a kind fills: its secret, the store's name and the minutes it is good for. */
    static Set<Placeholder> allowed(MessageKind kind) {
        return EnumSet.of(kind.secret(), Placeholder.STORE_NAME, Placeholder.MINUTES);
    }

    private static String tokens(MessageKind kind) {
        return allowed(kind).stream().map(Placeholder::token).collect(Collectors.joining(", "));
    }

    private static Set<Placeholder> placeholders(String value) {
        Set<Placeholder> found = EnumSet.noneOf(Placeholder.class);
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            Placeholder.named(matcher.group(1)).ifPresent(found::add);
        }
        return found;
    }

    /** What fills the placeholders; the store name is shown as plain words ({@link OtpMessages#plainName}). */
    public record Values(String storeName, String code, String link, Duration validFor, String logoUrl) {

        String fill(Placeholder placeholder) {
            return switch (placeholder) {
                case CODE -> code;
                case STORE_NAME -> OtpMessages.plainName(storeName);
                case MINUTES -> String.valueOf(Math.max(1, validFor.toMinutes()));
                case LINK -> link;
            };
        }
    }

    public RenderedMessage render(Values values) {
        String name = OtpMessages.plainName(values.storeName());
        return new RenderedMessage(
                fill(subject, values, false),
                fill(text, values, false),
                EmailLayout.page(name, values.logoUrl(), fill(text, values, true)));
    }

    /** The template with its placeholders filled; as HTML, every piece is escaped and only ours is markup. */
    private static String fill(String template, Values values, boolean html) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int at = 0;
        while (matcher.find()) {
            out.append(
                    html
                            ? EmailLayout.escapedLines(template.substring(at, matcher.start()))
                            : template.substring(at, matcher.start()));
            Placeholder placeholder = Placeholder.named(matcher.group(1)).orElseThrow();
            String value = values.fill(placeholder);
            out.append(html ? EmailLayout.emphasised(placeholder, value) : value);
            at = matcher.end();
        }
        String tail = template.substring(at);
        out.append(html ? EmailLayout.escapedLines(tail) : tail);
        return out.toString();
    }
}
