package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.store.LoginPolicy;
import java.util.Locale;
import java.util.Optional;

/** How a code reaches its holder. SMS and WhatsApp go to a phone number, email to an address. */
public enum OtpChannel {
    EMAIL,
    SMS,
    WHATSAPP;

    /** Whether the store's login policy allows passwordless sign-in over this channel. */
    public boolean allowedBy(LoginPolicy policy) {
        return switch (this) {
            case EMAIL -> policy.emailOtpLogin();
            case SMS -> policy.phoneOtpLogin();
            case WHATSAPP -> policy.whatsappOtpLogin();
        };
    }

    public boolean isPhone() {
        return this != EMAIL;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OtpChannel> fromWire(String value) {
        for (OtpChannel channel : values()) {
            if (channel.wireValue().equals(value)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
