package com.storefrontauth.domain.otp;

import java.util.Locale;
import java.util.Optional;

/** How a code reaches its holder. SMS and WhatsApp go to a phone number, email to an address. */
public enum OtpChannel {
    EMAIL("email_otp_login"), SMS("phone_otp_login"), WHATSAPP("whatsapp_otp_login");

    private final String loginPolicyFlag;

    OtpChannel(String loginPolicyFlag) {
        this.loginPolicyFlag = loginPolicyFlag;
    }

    /** The login-policy switch that allows passwordless sign-in over this channel. */
    public String loginPolicyFlag() {
        return loginPolicyFlag;
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
