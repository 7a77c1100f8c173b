package com.storefrontauth.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.shared.DomainException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StoreProfileTest {

    @Test
    void whenValidThenPhoneIsNormalisedAndLanguageCanonical() {
        StoreProfile profile = StoreProfile.EMPTY.amend(new ProfileChange(
                " Fine goods ", "https://cdn.example/logo.png", "1 Main St\nBaku", "+994 50 123 45 67", "AZ"));

        assertThat(profile.contactPhone()).isEqualTo("+994501234567");
        assertThat(profile.preferredLanguage().tag()).isEqualTo("az");
        assertThat(profile.preferredLanguage().englishName()).isEqualTo("Azerbaijani");
        assertThat(profile.description()).isEqualTo("Fine goods");
    }

    @Test
    void whenEveryFieldIsInvalidThenEachIsNamed() {
        assertThatThrownBy(() -> StoreProfile.EMPTY.amend(new ProfileChange(
                        "x".repeat(1001), "http://cdn.example/logo.png", "a\u0000b", "12", "klingon")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.fieldErrors())
                                .containsOnlyKeys(
                                        "description",
                                        "logo_url",
                                        "business_address",
                                        "contact_phone",
                                        "preferred_language"));
    }

    @Test
    void whenTheLogoHasCredentialsOrNoHostThenRefused() {
        for (String url : new String[] {
            "https://user:pw@cdn.example/a.png", "https:/a.png", "javascript:alert(1)", "https://cdn.example/a b.png"
        }) {
            assertThatThrownBy(() -> StoreProfile.EMPTY.amend(new ProfileChange(null, url, null, null, null)))
                    .as(url)
                    .isInstanceOf(DomainException.class);
        }
    }

    @Test
    void whenAFieldIsOmittedThenItStaysAndAnEmptyStringClearsIt() {
        StoreProfile filled = StoreProfile.EMPTY.amend(new ProfileChange("About", null, null, "+994501234567", null));

        StoreProfile changed = filled.amend(new ProfileChange(null, null, null, "", null));

        assertThat(changed.description()).isEqualTo("About");
        assertThat(changed.contactPhone()).isEmpty();
    }

    @Test
    void whenThePercentIsOutOfRangeOrTooPreciseThenRefused() {
        assertThat(CommissionRate.of(new BigDecimal("10.5")).percent()).isEqualByComparingTo("10.50");
        assertThat(CommissionRate.of(new BigDecimal("100")).percent()).isEqualByComparingTo("100");
        for (String bad : new String[] {"-0.01", "100.01", "10.555", "1e-999999999", "1e999999999"}) {
            assertThatThrownBy(() -> CommissionRate.of(new BigDecimal(bad)))
                    .as(bad)
                    .isInstanceOf(DomainException.class);
        }
    }
}
