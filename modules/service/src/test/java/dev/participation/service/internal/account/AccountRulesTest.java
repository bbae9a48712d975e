package dev.participation.service.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.participation.api.account.PasswordProblem;
import dev.participation.api.account.PasswordRejectedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountRulesTest {

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
        "short one|TOO_SHORT",
        "correct horse battery staple|COMMON",
        "aaaaaaaaaaaa|REPEATED_CHARACTERS",
        "tom said xxxxx to me|REPEATED_CHARACTERS",
        "abcabcabcabc|REPEATED_CHARACTERS",
        "my pin is 12345 ok|SEQUENTIAL_CHARACTERS",
        "zyxwv backwards too|SEQUENTIAL_CHARACTERS",
        "password1234|COMMON",
        "Password1234!|COMMON",
        "qwertyuiop123|COMMON",
        "iloveyou2024!!|COMMON",
        "sam.worker rules ok|CONTAINS_NAME",
        "SAM.WORKER 2026 here|CONTAINS_NAME",
        "greenwood forest walk|CONTAINS_NAME",
        "samanthagreenwood!|CONTAINS_NAME"})
    void weakPasswordsAreRefusedWithTheReason(String password, PasswordProblem problem) {
        assertThatThrownBy(() -> AccountRules.checkPassword(password.toCharArray(), "sam.worker", "Samantha Greenwood"))
                .isInstanceOfSatisfying(PasswordRejectedException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void twelveSpacesAreOnlySpacesNotTooShort() {
        assertThatThrownBy(() -> AccountRules.checkPassword(" ".repeat(12).toCharArray(), "sam", "Sam"))
                .isInstanceOfSatisfying(PasswordRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(PasswordProblem.ONLY_SPACES));
    }

    @Test
    void longPassphrasesUpTo256CharactersAreWelcomeAndLongerOnesAreTooLong() {
        String phrase = "the quick brown fox jumps over the lazy dog; ";
        String exactly256 = phrase.repeat(6).substring(0, 256);

        assertThatCode(() -> AccountRules.checkPassword(exactly256.toCharArray(), "sam", "Sam")).doesNotThrowAnyException();
        assertThatThrownBy(() -> AccountRules.checkPassword((exactly256 + "s").toCharArray(), "sam", "Sam"))
                .isInstanceOfSatisfying(PasswordRejectedException.class, e -> {
                    assertThat(e.problem()).isEqualTo(PasswordProblem.TOO_LONG);
                    assertThat(e.getMessage()).contains("too long").contains("256");
                });
        assertThatThrownBy(() -> AccountRules.checkPassword("x".repeat(1000).toCharArray(), "sam", "Sam"))
                .isInstanceOfSatisfying(PasswordRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(PasswordProblem.TOO_LONG));
    }

    @ParameterizedTest
    @CsvSource({"bicycle lamp on thursday", "a long enough secret", "Tea at 4 with Nan & Grandad", "zx81 spectrum rom!"})
    void ordinaryPassphrasesPass(String password) {
        assertThatCode(() -> AccountRules.checkPassword(password.toCharArray(), "sam.worker", "Samantha Greenwood"))
                .doesNotThrowAnyException();
    }
}
