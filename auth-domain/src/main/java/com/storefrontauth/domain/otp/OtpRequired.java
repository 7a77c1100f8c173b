package com.storefrontauth.domain.otp;

/**
 * The answer of every step that sends a code: the challenge, its handle, and the code itself (which
 * leaves the service only through delivery, or as the debug echo of a test-mode store).
 */
public record OtpRequired(OtpChallenge challenge, String token, String code, long expiresIn, long resendAfter) {

    @Override
    public String toString() {
        return "OtpRequired[" + challenge.action() + ", " + challenge.channel() + "]";
    }
}
