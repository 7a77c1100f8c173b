package com.storefrontauth.domain.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * A phone number in E.164 ({@code +919876543210}). Accepts a full {@code +…} number, or a national
 * number with a calling code ({@code country_code} of the request, else the store's default), in any
 * of the usual spellings (spaces, dashes, brackets, a leading trunk 0), for any country.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 40;

    public static Optional<PhoneNumber> parse(String phone, String countryCode, String defaultCountryCode) {
        if (phone == null || phone.isBlank() || phone.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String trimmed = phone.strip();
        String callingCode = countryCode != null && !countryCode.isBlank() ? countryCode : defaultCountryCode;
        String candidate = trimmed.startsWith("+") || trimmed.startsWith("00") || callingCode == null
                ? trimmed
                : withCallingCode(callingCode, trimmed);
        if (candidate == null) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed =
                    PHONES.parse(candidate.startsWith("00") ? "+" + candidate.substring(2) : candidate, "ZZ");
            if (!PHONES.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** "+91" or "91" and a national number: the region's trunk prefix is dropped by the parser. */
    private static String withCallingCode(String callingCode, String national) {
        String digits =
                callingCode.strip().startsWith("+") ? callingCode.strip().substring(1) : callingCode.strip();
        if (!digits.matches("[1-9][0-9]{0,2}")) {
            return null;
        }
        String region = PHONES.getRegionCodeForCountryCode(Integer.parseInt(digits));
        if ("ZZ".equals(region)) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(national, region);
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** The calling code with its plus ({@code +91}), for clients that keep it apart from the number. */
    public String callingCode() {
        return "+" + parsed().getCountryCode();
    }

    /** The number without its calling code ({@code 9876543210}). */
    public String nationalNumber() {
        return PHONES.getNationalSignificantNumber(parsed());
    }

    private Phonenumber.PhoneNumber parsed() {
        try {
            return PHONES.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("a stored phone number is always E.164", e);
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
