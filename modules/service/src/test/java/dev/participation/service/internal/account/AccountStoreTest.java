package dev.participation.service.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.participation.api.account.SignInResult;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.storage.Configs;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountStoreTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Kind.H2);
        }
    }

    @Nested
    class OnPostgreSQL extends Contract {
        OnPostgreSQL() {
            super(Kind.POSTGRESQL);
        }
    }

    abstract static class Contract extends DatabaseTest {

        private static final Pattern PRINTED_PASSWORD = Pattern.compile("Password:\\s+(\\S+)");
        // Few iterations keep the suite quick; the production count is tested in PasswordHasherTest.
        final PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());
        AuditLogStore audit;

        Contract(Kind kind) {
            super(kind);
        }

        @BeforeEach
        void createAudit() {
            audit = new AuditLogStore(database(), clock);
        }

        AccountStore start(ByteArrayOutputStream console, Object... config) {
            return new AccountStore(database(), audit, clock, Configs.of(AccountsConfiguration.class, config), hasher,
                    new PrintStream(console, true, StandardCharsets.UTF_8));
        }

        AccountStore start(Object... config) {
            return start(new ByteArrayOutputStream(), config);
        }

        @Test
        void firstStartPrintsAWorkingAdministratorPasswordOnceAndOnlyOnce() {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            AccountStore accounts = start(first);
            String banner = first.toString(StandardCharsets.UTF_8);
            Matcher password = PRINTED_PASSWORD.matcher(banner);

            assertThat(banner).contains("User name: admin", "change the password");
            assertThat(password.find()).isTrue();
            assertThat(password.group(1)).hasSizeGreaterThanOrEqualTo(20);
            assertThat(accounts.hasAdministrator()).isTrue();
            assertThat(accounts.signIn("admin", password.group(1).toCharArray()))
                    .isInstanceOf(SignInResult.SignedIn.class);
            assertThat(db.count("SELECT COUNT(*) FROM account WHERE password_hash LIKE ?", "%" + password.group(1) + "%"))
                    .isZero();

            ByteArrayOutputStream second = new ByteArrayOutputStream();
            start(second);
            assertThat(second.size()).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM account")).isEqualTo(1);
        }

        @Test
        void aConfiguredAdministratorHashIsUsedAndNothingIsPrinted() {
            String hash = hasher.hash("correct horse battery".toCharArray());
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            AccountStore accounts = start(console, "adminUsername", "chief", "adminPasswordHash", hash);

            assertThat(console.size()).isZero();
            assertThat(accounts.signIn("chief", "correct horse battery".toCharArray()))
                    .isInstanceOfSatisfying(SignInResult.SignedIn.class,
                            signedIn -> assertThat(signedIn.person().roles()).containsExactly(Roles.ADMIN));
        }

        @Test
        void nodesStartingTogetherCreateOneAdministrator() throws Exception {
            List<ByteArrayOutputStream> consoles = new ArrayList<>();
            ExecutorService nodes = Executors.newFixedThreadPool(4);
            try {
                List<Future<AccountStore>> starts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ByteArrayOutputStream console = new ByteArrayOutputStream();
                    consoles.add(console);
                    starts.add(nodes.submit((Callable<AccountStore>) () -> start(console)));
                }
                for (Future<AccountStore> start : starts) {
                    start.get(60, TimeUnit.SECONDS);
                }
            } finally {
                nodes.shutdownNow();
            }

            assertThat(consoles).filteredOn(console -> console.size() > 0).hasSize(1);
            assertThat(db.count("SELECT COUNT(*) FROM account_role WHERE role_name = 'admin'")).isEqualTo(1);
        }

        @Test
        void signInChecksThePasswordWithoutSayingWhetherTheNameExists() {
            AccountStore accounts = start();
            accounts.save("sam.worker", "Sam Worker", Set.of(Roles.STAFF), "a long enough secret".toCharArray(), "admin");

            assertThat(accounts.signIn(" Sam.Worker ", "a long enough secret".toCharArray()))
                    .isInstanceOfSatisfying(SignInResult.SignedIn.class, signedIn -> {
                        assertThat(signedIn.person().id()).isEqualTo("sam.worker");
                        assertThat(signedIn.person().displayName()).isEqualTo("Sam Worker");
                    });
            assertThat(accounts.signIn("sam.worker", "a long enough secreT".toCharArray()))
                    .isInstanceOf(SignInResult.Refused.class);
            assertThat(accounts.signIn("nobody", "a long enough secret".toCharArray()))
                    .isInstanceOf(SignInResult.Refused.class);
        }

        @Test
        void repeatedFailuresLockTheAccountUntilTheLockTimeHasPassed() {
            AccountStore accounts = start("maxFailures", 3, "lockMinutes", 15);
            char[] right = "a long enough secret".toCharArray();
            accounts.save("sam", "Sam", Set.of(Roles.STAFF), right, "admin");

            assertThat(accounts.signIn("sam", "wrong guess one".toCharArray())).isInstanceOf(SignInResult.Refused.class);
            assertThat(accounts.signIn("sam", "wrong guess two".toCharArray())).isInstanceOf(SignInResult.Refused.class);
            assertThat(accounts.signIn("sam", "wrong guess three".toCharArray()))
                    .isEqualTo(new SignInResult.LockedOut(clock.instant().plus(Duration.ofMinutes(15))));

            // Another node sharing the database honours the same lock, even with the right password.
            AccountStore otherNode = start("maxFailures", 3, "lockMinutes", 15);
            clock.advance(Duration.ofMinutes(14));
            assertThat(otherNode.signIn("sam", right)).isInstanceOf(SignInResult.LockedOut.class);

            clock.advance(Duration.ofMinutes(1));
            assertThat(accounts.signIn("sam", right)).isInstanceOf(SignInResult.SignedIn.class);
            assertThat(audit.forRecord("account", "sam")).extracting(e -> e.action()).contains("account.lock");
        }

        @Test
        void aSuccessResetsTheFailureCount() {
            AccountStore accounts = start("maxFailures", 3);
            char[] right = "a long enough secret".toCharArray();
            accounts.save("sam", "Sam", Set.of(Roles.STAFF), right, "admin");

            accounts.signIn("sam", "wrong guess one".toCharArray());
            accounts.signIn("sam", "wrong guess two".toCharArray());
            accounts.signIn("sam", right);
            accounts.signIn("sam", "wrong guess three".toCharArray());

            assertThat(accounts.signIn("sam", "wrong guess four".toCharArray())).isInstanceOf(SignInResult.Refused.class);
        }

        @Test
        void savingEnforcesTheRulesAndIsAudited() {
            AccountStore accounts = start();
            char[] password = "a long enough secret".toCharArray();

            assertThatThrownBy(() -> accounts.save("Bad Name!", "X", Set.of(), password, "admin"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
            assertThatThrownBy(() -> accounts.save("short", "X", Set.of(), "too short".toCharArray(), "admin"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12");
            assertThatThrownBy(() -> accounts.save("sam", "X", Set.of("superuser"), password, "admin"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown role");
            assertThatThrownBy(() -> accounts.save("newbie", "X", Set.of(), null, "admin"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a password");

            accounts.save("sam", "Sam", Set.of(Roles.STAFF), password, "admin");
            Person updated = accounts.save("sam", "Sam Smith", Set.of(Roles.STAFF, Roles.EDITOR), null, "admin");

            assertThat(updated.roles()).containsExactlyInAnyOrder(Roles.STAFF, Roles.EDITOR);
            assertThat(accounts.signIn("sam", password)).isInstanceOf(SignInResult.SignedIn.class);
            assertThat(accounts.all()).extracting(Person::id).containsExactly("admin", "sam");
            assertThat(audit.forRecord("account", "sam")).extracting(e -> e.action() + " by " + e.actor())
                    .containsExactly("account.create by admin", "account.update by admin");
        }

        @Test
        void provisioningFromConfigurationCreatesThenAlignsTheAccount() {
            AccountStore accounts = start();
            String hash = hasher.hash("provisioned secret".toCharArray());

            accounts.provision("editor.one", "Editor One", Set.of(Roles.EDITOR), hash);
            accounts.provision("editor.one", "Editor Uno", Set.of(Roles.EDITOR, Roles.STAFF), "");

            assertThat(accounts.find("editor.one")).get().satisfies(person -> {
                assertThat(person.displayName()).isEqualTo("Editor Uno");
                assertThat(person.roles()).containsExactlyInAnyOrder(Roles.EDITOR, Roles.STAFF);
            });
            assertThat(accounts.signIn("editor.one", "provisioned secret".toCharArray()))
                    .isInstanceOf(SignInResult.SignedIn.class);
            assertThatThrownBy(() -> accounts.provision("x.y", "X", Set.of(), "plain text"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PasswordHashCommand");
        }
    }
}
