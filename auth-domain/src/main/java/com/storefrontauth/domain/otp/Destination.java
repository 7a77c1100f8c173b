package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;

/** Where a code goes: a channel and a normalised address (an email, or a phone in E.164). */
public record Destination(OtpChannel channel, String address) {

    private static final String HIDDEN = "\u2022\u2022\u2022";

    /**
     * The address as a challenge shows it: enough for its holder to recognise, too little to learn it
     * ({@code c•••@example.com}, {@code +91•••••3210}).
     */
    public String masked() {
        if (channel == OtpChannel.EMAIL) {
            int at = address.indexOf('@');
            return address.substring(0, Math.min(1, at)) + HIDDEN + address.substring(at);
        }
        int visible = Math.min(4, address.length() / 3);
        int prefix = address.length() > 8 ? 3 : 1;
        return address.substring(0, prefix)
                + "\u2022".repeat(Math.max(1, address.length() - prefix - visible))
                + address.substring(address.length() - visible);
    }

    /**
     * The key under which sends and failures to this address are counted within a store (null for
     * merchant accounts). SMS and WhatsApp share the key: both reach the same phone.
     */
    public TokenHash throttleKey(StoreId store) {
        String kind = channel == OtpChannel.EMAIL ? "email" : "phone";
        return TokenHash.of("otp:" + (store == null ? "-" : store.value()) + ":" + kind + ":" + address);
    }

    /** The key under which codes to this address are counted across every store (the platform-wide cap). */
    public TokenHash platformKey() {
        String kind = channel == OtpChannel.EMAIL ? "email" : "phone";
        return TokenHash.of("otp:*:" + kind + ":" + address);
    }
}
