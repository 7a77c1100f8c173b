package com.storefrontauth.domain.credential;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery staple",
                "password",
                "12345678",
                "qwertyuiop",
                "Password1",
                "PASSWORD",
                "iloveyou",
                "sunshine"
            })
    void checkWhenPasswordIsCommonThenWeak(String password) {
        assertWeak(password, 8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "purple mountain ferry at dawn",
                "correct horse battery staple 42",
                "Zx9#kQ2!vL",
                "пароль-для-магазина",
                "密码是很长的一句话",
                "tr0ub4dor&3-with-more"
            })
    void checkWhenPasswordIsLongAndUncommonThenAccepted(String password) {
        assertThatCode(() -> PasswordPolicy.check("password", password, 8)).doesNotThrowAnyException();
    }

    @Test
    void checkWhenShorterThanStoreMinimumThenWeakEvenIfUncommon() {
        assertWeak("Zx9#kQ2!vL", 12);
        assertWeak("😀😀😀😀😀😀😀", 8);
        assertThatCode(() -> PasswordPolicy.check("password", "😀😀😀😀😀😀😀😀", 8))
                .doesNotThrowAnyException();
    }

    @Test
    void checkWhenLongerThan256ThenWeak() {
        assertWeak("x".repeat(257), 8);
        assertThatCode(() -> PasswordPolicy.check("password", "xy".repeat(128), 8))
                .doesNotThrowAnyException();
    }

    private static void assertWeak(String password, long minLength) {
        assertThatThrownBy(() -> PasswordPolicy.check("password", password, minLength))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
                    org.assertj.core.api.Assertions.assertThat(e.fieldErrors()).containsKey("password");
                });
    }
}
