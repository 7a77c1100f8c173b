package com.storefrontauth.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+919876543210 | | +91 | +919876543210",
                "+91 98765 43210 | | +1 | +919876543210",
                "98765-43210 | +91 | +1 | +919876543210",
                "098765 43210 | 91 | +1 | +919876543210",
                "9876543210 | | +91 | +919876543210",
                "(415) 555-2671 | +1 | +91 | +14155552671",
                "0044 20 7946 0958 | | +91 | +442079460958",
                "020 7946 0958 | +44 | +91 | +442079460958",
                "0412 345 678 | +61 | +91 | +61412345678",
                "+91９８７６５４３２１０ | | +1 | +919876543210"
            })
    void parseWhenFormatsDifferThenSameE164(String phone, String countryCode, String defaultCode, String e164) {
        assertThat(PhoneNumber.parse(phone, countryCode, defaultCode)).contains(new PhoneNumber(e164));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+919876543210 | +91 | 9876543210",
                "+447400123456 | +44 | 7400123456",
                "+14155552671 | +1 | 4155552671",
                "+6591234567 | +65 | 91234567"
            })
    void callingCodeAndNationalNumberWhenSplitThenTheyMakeTheE164Again(
            String e164, String callingCode, String national) {
        PhoneNumber phone = new PhoneNumber(e164);
        assertThat(phone.callingCode()).isEqualTo(callingCode);
        assertThat(phone.nationalNumber()).isEqualTo(national);
        assertThat(PhoneNumber.parse(national, callingCode, null)).contains(phone);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "12",
                "not a phone",
                "+999123456789",
                "+91 12345",
                "+9198765432101234567890",
                "<script>",
                "+91 98765 43210 ; DROP TABLE customers"
            })
    void parseWhenNotAPhoneNumberThenEmpty(String phone) {
        assertThat(PhoneNumber.parse(phone, null, "+91")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "+0", "+9999", ""})
    void parseWhenCountryCodeIsBogusThenEmpty(String countryCode) {
        assertThat(PhoneNumber.parse("9876543210", countryCode.isEmpty() ? "x" : countryCode, null))
                .isEmpty();
    }
}
