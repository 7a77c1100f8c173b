package com.storefrontauth.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OtpActionTest {

    @Test
    void fromStorefrontWireWhenVerifyThenTheSignInStepNeverTheBearerCheckOrActivation() {
        assertThat(OtpAction.fromStorefrontWire("verify")).contains(OtpAction.VERIFY);
        assertThat(OtpAction.fromStorefrontWire("confirm_contact")).isEmpty();
        assertThat(OtpAction.fromStorefrontWire("activate_account")).isEmpty();
        assertThat(OtpAction.fromStorefrontWire("reset_password")).contains(OtpAction.RESET_PASSWORD);
    }

    @Test
    void answersWhenBearerCheckIsVerifiedAsVerifyThenItAnswersButNotTheOtherWayRound() {
        assertThat(OtpAction.CONFIRM_CONTACT.wireValue()).isEqualTo("verify");
        assertThat(OtpAction.CONFIRM_CONTACT.answers(OtpAction.VERIFY)).isTrue();
        assertThat(OtpAction.VERIFY.answers(OtpAction.VERIFY)).isTrue();
        assertThat(OtpAction.VERIFY.answers(OtpAction.CONFIRM_CONTACT)).isFalse();
        assertThat(OtpAction.LOGIN.answers(OtpAction.VERIFY)).isFalse();
    }
}
