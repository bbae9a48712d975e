package dev.participation.service.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void productionHashesAreSaltedSlowAndSelfDescribing() {
        PasswordHasher hasher = new PasswordHasher();
        String first = hasher.hash("a long enough secret".toCharArray());
        String second = hasher.hash("a long enough secret".toCharArray());

        assertThat(first).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(second).isNotEqualTo(first);
        assertThat(hasher.verify("a long enough secret".toCharArray(), first)).isTrue();
        assertThat(hasher.verify("a long enough secreT".toCharArray(), first)).isFalse();
    }

    @Test
    void aGeneratedPasswordIsHashedInTheSameFormAndReplacedAtItsFirstSignIn() {
        PasswordHasher hasher = new PasswordHasher();
        String generated = hasher.hashGenerated("abcd-efgh-jkmn-pqrs-tuvw".toCharArray());

        assertThat(generated).matches("pbkdf2-sha256\\$\\d+\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("abcd-efgh-jkmn-pqrs-tuvw".toCharArray(), generated)).isTrue();
        assertThat(hasher.verify("abcd-efgh-jkmn-pqrs-tuvx".toCharArray(), generated)).isFalse();
        assertThat(hasher.isWeakerThanCurrent(generated)).as("the first sign-in stores a full-strength hash").isTrue();
        assertThat(hasher.isWeakerThanCurrent(hasher.hash("a chosen password".toCharArray()))).isFalse();
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        PasswordHasher hasher = new PasswordHasher(1_000, new java.security.SecureRandom());

        assertThat(hasher.verify("anything".toCharArray(), "anything")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "pbkdf2-sha256$0$AAAAAAAAAAA$AAAA")).isFalse();
        assertThat(PasswordHasher.isWellFormed("pbkdf2-sha256$99999999999$a$b")).isFalse();
    }

    @Test
    void theCommandPrintsAHashThatVerifiesAndRefusesShortPasswords() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PasswordHashCommand.run(null,
                new ByteArrayInputStream("my new admin password\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(new PasswordHasher(1_000, new java.security.SecureRandom())
                .verify("my new admin password".toCharArray(), hash)).isTrue();

        ByteArrayOutputStream noOut = new ByteArrayOutputStream();
        int refused = PasswordHashCommand.run(null,
                new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(noOut, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(2);
        assertThat(noOut.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12");
    }
}
