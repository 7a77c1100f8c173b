package com.storefrontauth.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.LoginPolicy;
import com.storefrontauth.domain.store.StoreId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OtpChallengeTest {

    private static final OtpRules RULES = new OtpRules(6, Duration.ofMinutes(5), 3, Duration.ofSeconds(60), 5);

    private final MutableClock clock = new MutableClock();
    private final OtpCodes codes = new OtpCodes(secret(7));
    private final StoreId store = StoreId.generate();
    private final Destination email = new Destination(OtpChannel.EMAIL, "carla@example.com");

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    private OtpChallenge.Issued issue(OtpRules rules, boolean decoy) {
        return OtpChallenge.issue(store, OtpAction.LOGIN, email, "cus_1", decoy, rules, codes, clock.instant());
    }

    private OtpChallenge.Issued issue() {
        return issue(RULES, false);
    }

    private static String wrong(String code) {
        // the same length, a different last digit
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private DomainException resendRefused(OtpChallenge challenge) {
        Throwable thrown = catchThrowable(() -> challenge.resend(RULES, codes, clock.instant()));
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    @Test
    void whenIssuedThenCodeHasTheConfiguredLengthAndOnlyDigits() {
        for (int length : new int[] {4, 6, 10}) {
            OtpRules rules = new OtpRules(length, Duration.ofMinutes(5), 3, Duration.ofSeconds(60), 5);
            for (int i = 0; i < 50; i++) {
                assertThat(issue(rules, false).code()).hasSize(length).matches("[0-9]+");
            }
        }
    }

    @Test
    void whenIssuedThenOpenWithTokenHashAsIdAndExpiryAfterTtl() {
        OtpChallenge.Issued issued = issue();
        OtpChallenge challenge = issued.challenge();
        assertThat(issued.token()).startsWith(OtpChallenge.TOKEN_PREFIX).hasSizeGreaterThan(40);
        assertThat(challenge.id()).isEqualTo(TokenHash.of(issued.token()));
        assertThat(challenge.status()).isEqualTo(OtpChallenge.Status.OPEN);
        assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(RULES.ttl()));
        assertThat(challenge.expiresIn(clock.instant())).isEqualTo(300);
        assertThat(challenge.attempts()).isZero();
        assertThat(challenge.sends()).isEqualTo(1);
        assertThat(issue().token()).isNotEqualTo(issued.token());
    }

    @Test
    void whenRightCodeThenAcceptedOnceThenDead() {
        OtpChallenge.Issued issued = issue();
        OtpChallenge challenge = issued.challenge();

        assertThat(challenge.verify(issued.code(), codes, clock.instant())).isEqualTo(new OtpChallenge.Accepted());
        assertThat(challenge.status()).isEqualTo(OtpChallenge.Status.USED);
        assertThat(challenge.isOpen(clock.instant())).isFalse();

        assertThat(challenge.verify(issued.code(), codes, clock.instant()))
                .isEqualTo(new OtpChallenge.Dead(OtpChallenge.Status.USED, false));
        assertThat(challenge.attempts()).isZero();
    }

    @Test
    void whenWrongCodesThenAttemptsCountDownAndTheMaxthBurnsIt() {
        OtpChallenge.Issued issued = issue();
        OtpChallenge challenge = issued.challenge();
        String wrong = wrong(issued.code());

        assertThat(challenge.verify(wrong, codes, clock.instant())).isEqualTo(new OtpChallenge.Rejected(2));
        assertThat(challenge.verify(null, codes, clock.instant())).isEqualTo(new OtpChallenge.Rejected(1));
        assertThat(challenge.status()).isEqualTo(OtpChallenge.Status.OPEN);
        assertThat(challenge.verify(wrong, codes, clock.instant())).isEqualTo(new OtpChallenge.Burned());
        assertThat(challenge.status()).isEqualTo(OtpChallenge.Status.BURNED);
        assertThat(challenge.attempts()).isEqualTo(3);

        assertThat(challenge.verify(issued.code(), codes, clock.instant()))
                .isEqualTo(new OtpChallenge.Dead(OtpChallenge.Status.BURNED, false));
        assertThat(challenge.attempts()).isEqualTo(3);
    }

    @Test
    void whenVerifiedJustBeforeExpiresAtThenAcceptedAndExactlyAtExpiresAtThenExpired() {
        OtpChallenge.Issued early = issue();
        OtpChallenge.Issued late = issue();
        Instant expiresAt = late.challenge().expiresAt();

        assertThat(early.challenge().verify(early.code(), codes, expiresAt.minusMillis(1)))
                .isEqualTo(new OtpChallenge.Accepted());

        assertThat(late.challenge().isOpen(expiresAt)).isFalse();
        assertThat(late.challenge().expiresIn(expiresAt)).isZero();
        assertThat(late.challenge().verify(late.code(), codes, expiresAt))
                .isEqualTo(new OtpChallenge.Dead(OtpChallenge.Status.OPEN, true));
        assertThat(late.challenge().attempts()).isZero();
    }

    @Test
    void whenResentAtOnceThenRetryAfterIsTheWholeCooldownNotASecondMore() {
        OtpChallenge challenge = issue().challenge();

        assertThat(resendRefused(challenge).retryAfterSeconds()).contains(60L);
    }

    @Test
    void whenResentInsideTheCooldownThenRateLimitedWithRetryAfter() {
        OtpChallenge.Issued issued = issue();
        OtpChallenge challenge = issued.challenge();
        String hashBefore = challenge.codeHash();
        clock.advance(Duration.ofMillis(20_500));

        DomainException refused = resendRefused(challenge);

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).contains(40L);
        assertThat(challenge.codeHash()).isEqualTo(hashBefore);
        assertThat(challenge.sends()).isEqualTo(1);
        assertThat(challenge.verify(issued.code(), codes, clock.instant())).isEqualTo(new OtpChallenge.Accepted());
    }

    @Test
    void whenResentAfterTheCooldownThenNewCodeOldCodeRefusedAttemptsResetAndExpiryMoved() {
        OtpChallenge.Issued issued = issue();
        OtpChallenge challenge = issued.challenge();
        challenge.verify(wrong(issued.code()), codes, clock.instant());
        challenge.verify(wrong(issued.code()), codes, clock.instant());
        clock.advance(Duration.ofSeconds(60));

        String code = challenge.resend(RULES, codes, clock.instant());

        assertThat(code).hasSize(6).matches("[0-9]+");
        assertThat(challenge.attempts()).isZero();
        assertThat(challenge.sends()).isEqualTo(2);
        assertThat(challenge.lastSentAt()).isEqualTo(clock.instant());
        assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(RULES.ttl()));
        assumeFalse(code.equals(issued.code()), "the new code happened to repeat the old one");
        assertThat(challenge.verify(issued.code(), codes, clock.instant())).isEqualTo(new OtpChallenge.Rejected(2));
        assertThat(challenge.verify(code, codes, clock.instant())).isEqualTo(new OtpChallenge.Accepted());
    }

    @Test
    void whenResentThenTheMovedExpiryKeepsTheChallengeAlivePastTheFirstOne() {
        OtpChallenge.Issued issued = issue();
        OtpChallenge challenge = issued.challenge();
        Instant firstExpiry = challenge.expiresAt();
        clock.advance(Duration.ofMinutes(4));
        String code = challenge.resend(RULES, codes, clock.instant());

        assertThat(challenge.isOpen(firstExpiry)).isTrue();
        assertThat(challenge.verify(code, codes, firstExpiry.plusSeconds(1))).isEqualTo(new OtpChallenge.Accepted());
    }

    @Test
    void whenResendingAUsedChallengeThenOtpExpired() {
        OtpChallenge.Issued issued = issue();
        issued.challenge().verify(issued.code(), codes, clock.instant());
        clock.advance(Duration.ofSeconds(61));

        assertThat(resendRefused(issued.challenge()).code()).isEqualTo(ErrorCode.OTP_EXPIRED);
    }

    @Test
    void whenResendingABurnedChallengeThenOtpExpired() {
        OtpChallenge.Issued issued = issue();
        for (int i = 0; i < RULES.maxAttempts(); i++) {
            issued.challenge().verify(wrong(issued.code()), codes, clock.instant());
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(resendRefused(issued.challenge()).code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(issued.challenge().status()).isEqualTo(OtpChallenge.Status.BURNED);
    }

    @Test
    void whenResendingAnExpiredChallengeThenOtpExpiredEvenPastTheCooldown() {
        OtpChallenge.Issued issued = issue();
        clock.advance(RULES.ttl());

        DomainException refused = resendRefused(issued.challenge());

        assertThat(refused.code()).isEqualTo(ErrorCode.OTP_EXPIRED);
        assertThat(refused.retryAfterSeconds()).isEmpty();
        assertThat(issued.challenge().sends()).isEqualTo(1);
    }

    @Test
    void whenDecoyThenItsOwnCodeIsRefusedButAttemptsCountLikeARealOne() {
        OtpChallenge.Issued decoy = issue(RULES, true);
        OtpChallenge challenge = decoy.challenge();

        assertThat(challenge.decoy()).isTrue();
        assertThat(challenge.verify(decoy.code(), codes, clock.instant())).isEqualTo(new OtpChallenge.Rejected(2));
        assertThat(challenge.verify(wrong(decoy.code()), codes, clock.instant()))
                .isEqualTo(new OtpChallenge.Rejected(1));
        assertThat(challenge.verify(decoy.code(), codes, clock.instant())).isEqualTo(new OtpChallenge.Burned());
        assertThat(challenge.status()).isEqualTo(OtpChallenge.Status.BURNED);
    }

    @Test
    void whenDecoyIsResentThenTheNewCodeIsRefusedToo() {
        OtpChallenge.Issued decoy = issue(RULES, true);
        clock.advance(Duration.ofSeconds(60));
        String code = decoy.challenge().resend(RULES, codes, clock.instant());

        assertThat(decoy.challenge().verify(code, codes, clock.instant())).isEqualTo(new OtpChallenge.Rejected(2));
    }

    @Test
    void whenTwoChallengesHashTheSameDigitsThenTheHashesDifferAndNeverContainTheCode() {
        TokenHash first = issue().challenge().id();
        TokenHash second = issue().challenge().id();

        String one = codes.hash(first, "123456");
        String two = codes.hash(second, "123456");

        assertThat(one).isNotEqualTo(two).doesNotContain("123456").matches("[0-9a-f]{64}");
        assertThat(two).doesNotContain("123456");
        assertThat(codes.hash(first, "123456")).isEqualTo(one);
        assertThat(new OtpCodes(secret(8)).hash(first, "123456"))
                .as("keyed by the server secret")
                .isNotEqualTo(one);
        assertThat(codes.matches(one, first, "123456")).isTrue();
        assertThat(codes.matches(one, second, "123456")).isFalse();
        assertThat(codes.matches(one, first, "123457")).isFalse();
        assertThat(codes.matches(one, first, null)).isFalse();
    }

    @Test
    void whenIssuedThenTheStoredHashIsNotTheCodeNorItsPlainDigest() {
        OtpChallenge.Issued issued = issue();

        assertThat(issued.challenge().codeHash())
                .doesNotContain(issued.code())
                .isNotEqualTo(TokenHash.of(issued.code()).hex())
                .isEqualTo(codes.hash(issued.challenge().id(), issued.code()));
    }

    @Test
    void whenSealedThenOpensToTheSameTextWithTheSameContextOnly() {
        String text = "482913 is your Acme sign-in code.";

        String sealed = codes.seal("msg_one", text);

        assertThat(sealed).doesNotContain("482913");
        assertThat(codes.open("msg_one", sealed)).isEqualTo(text);
        assertThat(codes.seal("msg_one", text)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> codes.open("msg_two", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OtpCodes(secret(8)).open("msg_one", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenSealedTextIsTamperedThenItDoesNotOpen() {
        byte[] sealed = Base64.getDecoder().decode(codes.seal("msg_one", "123456"));
        sealed[sealed.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> codes.open("msg_one", tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codes.open("msg_one", "not base64 at all!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenSecretIsShorterThan256BitsThenRefused() {
        assertThatThrownBy(() -> new OtpCodes("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtpCodes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenEmailIsMaskedThenOnlyItsFirstLetterAndDomainShow() {
        assertThat(new Destination(OtpChannel.EMAIL, "carla@example.com").masked())
                .isEqualTo("c\u2022\u2022\u2022@example.com")
                .doesNotContain("carla");
        assertThat(new Destination(OtpChannel.EMAIL, "a@example.com").masked())
                .isEqualTo("a\u2022\u2022\u2022@example.com");
    }

    @Test
    void whenPhoneIsMaskedThenTheMiddleDigitsAreHidden() {
        String phone = "+919876543210";
        assertThat(new Destination(OtpChannel.SMS, phone).masked())
                .isEqualTo("+91\u2022\u2022\u2022\u2022\u2022\u20223210");
        assertThat(new Destination(OtpChannel.WHATSAPP, phone).masked())
                .isEqualTo(new Destination(OtpChannel.SMS, phone).masked());
        for (String e164 : new String[] {"+14155550123", "+4930123456", "+6834002", "+447911123456"}) {
            String masked = new Destination(OtpChannel.SMS, e164).masked();
            long shownDigits = masked.chars().filter(Character::isDigit).count();
            long digits = e164.chars().filter(Character::isDigit).count();
            assertThat(masked)
                    .as(e164)
                    .doesNotContain(e164.substring(1))
                    .startsWith(e164.substring(0, 1))
                    .endsWith(e164.substring(e164.length() - 2))
                    .contains("\u2022");
            assertThat(shownDigits).as(e164).isLessThanOrEqualTo(digits - 3);
        }
    }

    @Test
    void whenSmsAndWhatsappGoToTheSamePhoneThenTheyShareAThrottleKey() {
        StoreId other = StoreId.generate();
        Destination sms = new Destination(OtpChannel.SMS, "+14155550123");
        Destination whatsapp = new Destination(OtpChannel.WHATSAPP, "+14155550123");

        assertThat(sms.throttleKey(store)).isEqualTo(whatsapp.throttleKey(store));
        assertThat(sms.throttleKey(store))
                .isNotEqualTo(sms.throttleKey(other))
                .isNotEqualTo(sms.throttleKey(null))
                .isNotEqualTo(new Destination(OtpChannel.SMS, "+14155550124").throttleKey(store));
        assertThat(email.throttleKey(store))
                .isNotEqualTo(new Destination(OtpChannel.EMAIL, "carl@example.com").throttleKey(store));
    }

    @Test
    void whenFailureBudgetIsAskedThenThreeChallengesWorthButAtLeastTen() {
        assertThat(new OtpRules(6, Duration.ofMinutes(5), 1, Duration.ZERO, 5).failureBudget())
                .isEqualTo(10);
        assertThat(new OtpRules(6, Duration.ofMinutes(5), 3, Duration.ZERO, 5).failureBudget())
                .isEqualTo(10);
        assertThat(new OtpRules(6, Duration.ofMinutes(5), 4, Duration.ZERO, 5).failureBudget())
                .isEqualTo(12);
        assertThat(new OtpRules(6, Duration.ofMinutes(5), 20, Duration.ZERO, 5).failureBudget())
                .isEqualTo(60);
    }

    @Test
    void whenRulesComeFromTheDefaultLoginPolicyThenTheyCarryItsNumbers() {
        OtpRules rules = OtpRules.of(LoginPolicy.defaults());

        assertThat(rules).isEqualTo(new OtpRules(6, Duration.ofSeconds(300), 5, Duration.ofSeconds(60), 5));
        assertThat(rules.failureBudget()).isEqualTo(15);
    }
}
