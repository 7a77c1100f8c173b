package com.storefrontauth.domain.store;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A store's preferred language: a BCP-47 language tag from the few the platform supports, kept in its
 * canonical spelling ({@code "EN"} reads as {@code "en"}).
 */
public record StoreLanguage(String tag) {

    public static final StoreLanguage DEFAULT = new StoreLanguage("en");

    static final Set<String> SUPPORTED = Set.of("en", "id", "hi", "az", "ru", "tr", "de", "es", "fr");
    private static final int MAX_INPUT = 35;

    public static Optional<StoreLanguage> parse(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            String canonical =
                    new Locale.Builder().setLanguageTag(value.strip()).build().toLanguageTag();
            return SUPPORTED.contains(canonical) ? Optional.of(new StoreLanguage(canonical)) : Optional.empty();
        } catch (IllformedLocaleException notATag) {
            return Optional.empty();
        }
    }

    /** The languages a store may prefer, by tag, for forms that offer them as choices. */
    public static List<StoreLanguage> supported() {
        return SUPPORTED.stream().sorted().map(StoreLanguage::new).toList();
    }

    /** The language's English name, for clients that name languages rather than tag them. */
    public String englishName() {
        return Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return tag;
    }
}
