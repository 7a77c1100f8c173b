package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.otp.OtpRequired;

/** What a sign-in or sign-up answers: tokens, or a code to enter first (exactly one is set). */
public record SignInStep(CustomerSignIn signIn, OtpRequired otpRequired) {

    public static SignInStep signedIn(CustomerSignIn signIn) {
        return new SignInStep(signIn, null);
    }

    public static SignInStep codeRequired(OtpRequired otpRequired) {
        return new SignInStep(null, otpRequired);
    }
}
