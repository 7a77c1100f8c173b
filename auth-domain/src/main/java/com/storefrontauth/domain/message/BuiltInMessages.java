package com.storefrontauth.domain.message;

import com.storefrontauth.domain.store.StoreLanguage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The platform's own texts, in the languages of the seed platforms' markets (English, Indonesian, Hindi,
 * Azerbaijani), one file each beside this class ({@code built-in-<tag>.properties}). A store whose
 * preferred language has no texts of its own gets English.
 */
public final class BuiltInMessages {

    static final Set<String> LANGUAGES = Set.of("en", "id", "hi", "az");
    private static final Map<String, Map<MessageKind, MessageTemplate>> TEXTS = load();

    private BuiltInMessages() {}

    public static MessageTemplate of(MessageKind kind, StoreLanguage language) {
        return TEXTS.getOrDefault(language.tag(), TEXTS.get("en")).get(kind);
    }

    /** Whether the language has texts of its own (otherwise English speaks for it). */
    public static boolean speaks(StoreLanguage language) {
        return LANGUAGES.contains(language.tag());
    }

    private static Map<String, Map<MessageKind, MessageTemplate>> load() {
        Map<String, Map<MessageKind, MessageTemplate>> texts = new java.util.HashMap<>();
        for (String tag : LANGUAGES) {
            Properties file = new Properties();
            try (InputStream in = BuiltInMessages.class.getResourceAsStream("built-in-" + tag + ".properties")) {
                if (in == null) {
                    throw new IllegalStateException("built-in-" + tag + ".properties is missing");
                }
                file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<MessageKind, MessageTemplate> kinds = new EnumMap<>(MessageKind.class);
            for (MessageKind kind : MessageKind.values()) {
                // checked like a merchant's template: a built-in text breaking a rule fails at class load
                kinds.put(
                        kind,
                        MessageTemplate.checked(
                                kind,
                                file.getProperty(kind.wireValue() + ".subject"),
                                file.getProperty(kind.wireValue() + ".text")));
            }
            texts.put(tag, Map.copyOf(kinds));
        }
        return Map.copyOf(texts);
    }
}
