package dev.participation.service.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.participation.api.account.Account;
import dev.participation.api.account.AccountChangedException;
import dev.participation.api.account.Accounts;
import dev.participation.api.account.Actor;
import dev.participation.api.account.LocalSignIn;
import dev.participation.api.account.PasswordChange;
import dev.participation.api.account.PasswordProblem;
import dev.participation.api.account.PasswordRejectedException;
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

        private static final String RIGHT = "a long enough secret";
        private static final String HOME = "192.0.2.3";
        private static final String STRANGER = "192.0.2.66";
        private static final Actor ADMIN = new Actor("admin", "");
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

        /** The accounts as the embedded portal starts them: its host signs people in with them. */
        AccountStore start(ByteArrayOutputStream console, Object... config) {
            AccountStore accounts = startWithoutHost(console, config);
            accounts.hostSignsIn(new LocalSignIn() { });
            return accounts;
        }

        /** The accounts where no host signs people in with them, as in Liferay. */
        AccountStore startWithoutHost(ByteArrayOutputStream console, Object... config) {
            return new AccountStore(database(), audit, clock, Configs.of(AccountsConfiguration.class, config), hasher,
                    new PrintStream(console, true, StandardCharsets.UTF_8));
        }

        static long version(AccountStore accounts, String username) {
            return accounts.account(username).orElseThrow().version();
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

            assertThat(banner).contains("User name: admin", "choose a new password");
            assertThat(password.find()).isTrue();
            assertThat(password.group(1)).hasSizeGreaterThanOrEqualTo(20);
            assertThat(accounts.hasAdministrator()).isTrue();
            assertThat(accounts.signIn("admin", password.group(1).toCharArray(), HOME))
                    .isInstanceOf(SignInResult.SignedIn.class);
            assertThat(db.count("SELECT COUNT(*) FROM account WHERE password_hash LIKE ?", "%" + password.group(1) + "%"))
                    .isZero();

            ByteArrayOutputStream second = new ByteArrayOutputStream();
            start(second);
            assertThat(second.size()).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM account")).isEqualTo(1);
        }

        @Test
        void withoutAHostThatSignsInWithLocalAccountsNoAdministratorIsCreatedAndNothingPrinted() {
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            AccountStore accounts = startWithoutHost(console);

            assertThat(console.size()).isZero();
            assertThat(accounts.hasAdministrator()).isFalse();
            assertThat(db.count("SELECT COUNT(*) FROM account")).isZero();
            assertThat(accounts.signIn("admin", "anything at all here".toCharArray(), HOME))
                    .isInstanceOf(SignInResult.Refused.class);
        }

        @Test
        void aConfiguredAdministratorHashIsUsedAndNothingIsPrinted() {
            String hash = hasher.hash("correct horse battery".toCharArray());
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            AccountStore accounts = start(console, "adminUsername", "chief", "adminPasswordHash", hash);

            assertThat(console.size()).isZero();
            assertThat(accounts.passwordChangeRequired("chief")).as("a chosen password is not printed").isFalse();
            assertThat(accounts.signIn("chief", "correct horse battery".toCharArray(), HOME))
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
            accounts.save("sam.worker", "Sam Worker", Set.of(Roles.STAFF), RIGHT.toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN);

            assertThat(accounts.signIn(" Sam.Worker ", RIGHT.toCharArray(), HOME))
                    .isInstanceOfSatisfying(SignInResult.SignedIn.class, signedIn -> {
                        assertThat(signedIn.person().id()).isEqualTo("sam.worker");
                        assertThat(signedIn.person().displayName()).isEqualTo("Sam Worker");
                    });
            assertThat(accounts.signIn("sam.worker", (RIGHT + "x").toCharArray(), HOME))
                    .isInstanceOf(SignInResult.Refused.class);
            assertThat(accounts.signIn("nobody", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.Refused.class);
        }

        @Test
        void aNameFailingRepeatedlyWaitsButNeverLongerThanTheCap() {
            AccountStore accounts = start("accountFreeFailures", 3, "accountMaxDelaySeconds", 10,
                    "addressFreeFailures", 100);
            accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(), Accounts.NEW_ACCOUNT, ADMIN);
            for (int i = 0; i < 4; i++) {
                assertThat(accounts.signIn("sam", "wrong guess".toCharArray(), STRANGER))
                        .isInstanceOf(SignInResult.Refused.class);
            }

            // The fourth failure made the name wait a second: even the right password is refused, from anywhere.
            assertThat(accounts.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.Refused.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(accounts.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.SignedIn.class);

            // Success forgives the name; the waits then double per failure up to the cap.
            for (int i = 0; i < 12; i++) {
                accounts.signIn("sam", "wrong guess".toCharArray(), STRANGER);
                clock.advance(Duration.ofSeconds(10));
            }
            accounts.signIn("sam", "wrong guess".toCharArray(), STRANGER);
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = 'account:sam'"
                    + " AND failures = 13")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = 'account:sam'"
                    + " AND blocked_until > ?", java.time.OffsetDateTime.ofInstant(
                            clock.instant().plusSeconds(10), java.time.ZoneOffset.UTC))).as("capped at 10 s").isZero();
            AccountStore otherNode = start("accountFreeFailures", 3, "accountMaxDelaySeconds", 10,
                    "addressFreeFailures", 100);
            clock.advance(Duration.ofSeconds(9));
            assertThat(otherNode.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.Refused.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(otherNode.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.SignedIn.class);
            assertThat(audit.forRecord("account", "sam")).extracting(e -> e.action()).contains("account.throttle");
        }

        @Test
        void aStrangerHammeringFromOneAddressCannotKeepThePersonOutForLongerThanTheCap() {
            AccountStore accounts = start("accountFreeFailures", 3, "accountMaxDelaySeconds", 10,
                    "addressFreeFailures", 10, "addressMaxDelayMinutes", 60);
            accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(), Accounts.NEW_ACCOUNT, ADMIN);

            List<SignInResult> stranger = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                stranger.add(accounts.signIn("sam", ("guess " + i).toCharArray(), STRANGER));
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(stranger).noneMatch(r -> r instanceof SignInResult.SignedIn);
            assertThat(stranger.get(299)).isInstanceOfSatisfying(SignInResult.Throttled.class,
                    t -> assertThat(t.until()).isAfter(clock.instant().plus(Duration.ofMinutes(3))));
            clock.advance(Duration.ofSeconds(10));
            assertThat(accounts.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.SignedIn.class);
            assertThat(accounts.signIn("sam", RIGHT.toCharArray(), STRANGER)).isInstanceOf(SignInResult.Throttled.class);
            assertThat(audit.forRecord("client-address", STRANGER)).extracting(e -> e.action())
                    .containsExactly("sign-in.throttle");
        }

        @Test
        void unknownAndRealNamesAnswerAlikeEvenWhenWaiting() {
            AccountStore accounts = start("accountFreeFailures", 2, "addressFreeFailures", 100);
            accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(), Accounts.NEW_ACCOUNT, ADMIN);

            List<SignInResult> real = new ArrayList<>();
            List<SignInResult> unknown = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                real.add(accounts.signIn("sam", "wrong guess".toCharArray(), STRANGER));
                unknown.add(accounts.signIn("nobody.here", "wrong guess".toCharArray(), STRANGER));
            }

            assertThat(real).isEqualTo(unknown).allMatch(r -> r instanceof SignInResult.Refused);
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key IN"
                    + " ('account:sam', 'account:nobody.here') AND failures = 3")).isEqualTo(2);
        }

        @Test
        void anAddressFailingRepeatedlyWaitsLongerEachTimeThenIsForgiven() {
            AccountStore accounts = start("addressFreeFailures", 2, "addressMaxDelayMinutes", 60,
                    "forgetFailuresHours", 24);
            for (int i = 0; i < 3; i++) {
                assertThat(accounts.signIn("name" + i, "wrong guess".toCharArray(), STRANGER))
                        .isInstanceOf(SignInResult.Refused.class);
            }
            // Trying again while waiting only doubles the wait.
            assertThat(accounts.signIn("other", "wrong guess".toCharArray(), STRANGER))
                    .isEqualTo(new SignInResult.Throttled(clock.instant().plusSeconds(2)));
            assertThat(accounts.signIn("other", "wrong guess".toCharArray(), HOME)).isInstanceOf(SignInResult.Refused.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(accounts.signIn("other", "wrong guess".toCharArray(), STRANGER))
                    .isEqualTo(new SignInResult.Throttled(clock.instant().plusSeconds(4)));
            for (int i = 0; i < 30; i++) {
                accounts.signIn("other", "wrong guess".toCharArray(), STRANGER);
            }
            assertThat(accounts.signIn("other", "wrong guess".toCharArray(), STRANGER))
                    .as("capped at addressMaxDelayMinutes")
                    .isEqualTo(new SignInResult.Throttled(clock.instant().plus(Duration.ofMinutes(60))));

            clock.advance(Duration.ofHours(25));
            assertThat(accounts.signIn("other", "wrong guess".toCharArray(), STRANGER)).isInstanceOf(SignInResult.Refused.class);
            assertThat(accounts.signIn("other", "wrong guess".toCharArray(), STRANGER)).isInstanceOf(SignInResult.Refused.class);
        }

        @Test
        void tooManyPasswordChecksAtOnceAreAskedToComeBackCountingOnlyAgainstTheAddress() throws Exception {
            CountDownLatch checking = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            PasswordHasher slow = spy(hasher);
            doAnswer(i -> {
                checking.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                return i.callRealMethod();
            }).when(slow).verifyDummy(any());
            AccountStore accounts = new AccountStore(database(), audit, clock,
                    Configs.of(AccountsConfiguration.class, "concurrentPasswordChecks", 1), slow,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<SignInResult> first = other.submit(() -> accounts.signIn("nobody", "a guess".toCharArray(), HOME));
                assertThat(checking.await(30, TimeUnit.SECONDS)).isTrue();

                assertThat(accounts.signIn("admin", "a guess".toCharArray(), HOME)).isInstanceOf(SignInResult.Busy.class);

                release.countDown();
                assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(SignInResult.Refused.class);
            } finally {
                release.countDown();
                other.shutdownNow();
            }
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = 'account:admin'")).isZero();
            assertThat(db.count("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?", "address:" + HOME))
                    .as("the refused check and the busy one").isEqualTo(2);
        }

        @Test
        void savingEnforcesTheRulesAndIsAudited() {
            AccountStore accounts = start();
            char[] password = RIGHT.toCharArray();

            assertThatThrownBy(() -> accounts.save("Bad Name!", "X", Set.of(), password, Accounts.NEW_ACCOUNT, ADMIN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
            assertThatThrownBy(() -> accounts.save("short", "X", Set.of(), "too short".toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN))
                    .isInstanceOfSatisfying(PasswordRejectedException.class,
                            e -> assertThat(e.problem()).isEqualTo(PasswordProblem.TOO_SHORT));
            assertThatThrownBy(() -> accounts.save("sam", "Sam", Set.of(), "sam's password 2024".toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN))
                    .isInstanceOfSatisfying(PasswordRejectedException.class,
                            e -> assertThat(e.problem()).isEqualTo(PasswordProblem.CONTAINS_NAME));
            assertThatThrownBy(() -> accounts.save("sam", "X", Set.of("superuser"), password,
                    Accounts.NEW_ACCOUNT, ADMIN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown role");
            assertThatThrownBy(() -> accounts.save("newbie", "X", Set.of(), null, Accounts.NEW_ACCOUNT, ADMIN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a password");

            accounts.save("sam", "Sam", Set.of(Roles.STAFF), password, Accounts.NEW_ACCOUNT, ADMIN);
            Person updated = accounts.save("sam", "Sam Smith", Set.of(Roles.STAFF, Roles.EDITOR), null,
                    version(accounts, "sam"), ADMIN);

            assertThat(updated.roles()).containsExactlyInAnyOrder(Roles.STAFF, Roles.EDITOR);
            assertThat(accounts.signIn("sam", password, HOME)).isInstanceOf(SignInResult.SignedIn.class);
            assertThat(accounts.all()).extracting(a -> a.person().id()).containsExactly("admin", "sam");
            assertThat(audit.forRecord("account", "sam")).extracting(e -> e.action() + " by " + e.actor())
                    .containsExactly("account.create by admin", "account.update by admin");
            assertThat(audit.forRecord("account", "sam").get(1).detail()).contains("renamed from 'Sam' to 'Sam Smith'");
        }

        @Test
        void twoAdministratorsCannotSilentlyOverwriteEachOther() {
            AccountStore accounts = start();
            accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(), Accounts.NEW_ACCOUNT, ADMIN);
            long seenByBoth = version(accounts, "sam");

            accounts.save("sam", "Sam Jones", Set.of(Roles.STAFF), null, seenByBoth, ADMIN);

            assertThatThrownBy(() -> accounts.save("sam", "Sam", Set.of(Roles.ADMIN), null, seenByBoth,
                    new Actor("ada", ""))).isInstanceOf(AccountChangedException.class);
            assertThatThrownBy(() -> accounts.save("sam", "Another Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN)).as("creating over an existing account")
                    .isInstanceOf(AccountChangedException.class);
            assertThat(accounts.find("sam")).get().satisfies(sam -> {
                assertThat(sam.displayName()).isEqualTo("Sam Jones");
                assertThat(sam.roles()).containsExactly(Roles.STAFF);
            });
        }

        @Test
        void aNewPasswordOrRoleEndsTheAccountsSessionsButARenameDoesNot() {
            AccountStore accounts = start();
            SignInSessionStore sessions = new SignInSessionStore(database(), clock,
                    Configs.of(AccountsConfiguration.class));
            Person sam = accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN);
            String phone = sessions.start(sam);
            String laptop = sessions.start(sam);

            accounts.save("sam", "Sam Jones", Set.of(Roles.STAFF), null, version(accounts, "sam"), ADMIN);
            assertThat(sessions.resume(phone)).isPresent();

            accounts.save("sam", "Sam Jones", Set.of(Roles.STAFF, Roles.EDITOR), null,
                    version(accounts, "sam"), new Actor("sam", laptop));
            assertThat(sessions.resume(phone)).as("a role change ends the other sessions").isEmpty();
            assertThat(sessions.resume(laptop)).as("the person changing their own keeps theirs").isPresent();

            accounts.save("sam", "Sam Jones", Set.of(Roles.STAFF), "another long secret".toCharArray(),
                    version(accounts, "sam"), ADMIN);
            assertThat(sessions.resume(laptop)).as("an administrator's change ends them all").isEmpty();
        }

        @Test
        void peopleChangeTheirOwnPasswordGivingTheCurrentOne() {
            AccountStore accounts = start();
            SignInSessionStore sessions = new SignInSessionStore(database(), clock,
                    Configs.of(AccountsConfiguration.class));
            Person sam = accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN);
            String here = sessions.start(sam);
            String elsewhere = sessions.start(sam);
            Actor self = new Actor("sam", here);

            assertThatThrownBy(() -> accounts.changeOwnPassword("sam", RIGHT.toCharArray(), "aaaaaaaaaaaa".toCharArray(),
                    HOME, self)).isInstanceOfSatisfying(PasswordRejectedException.class,
                            e -> assertThat(e.problem()).isEqualTo(PasswordProblem.REPEATED_CHARACTERS));
            assertThat(accounts.changeOwnPassword("sam", "not my password".toCharArray(),
                    "a brand new secret".toCharArray(), HOME, self)).isEqualTo(PasswordChange.CURRENT_REFUSED);
            assertThat(accounts.changeOwnPassword("sam", RIGHT.toCharArray(), "a brand new secret".toCharArray(), HOME,
                    self)).isEqualTo(PasswordChange.CHANGED);

            assertThat(sessions.resume(here)).isPresent();
            assertThat(sessions.resume(elsewhere)).isEmpty();
            assertThat(accounts.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.Refused.class);
            assertThat(accounts.signIn("sam", "a brand new secret".toCharArray(), HOME))
                    .isInstanceOf(SignInResult.SignedIn.class);
            assertThat(audit.forRecord("account", "sam")).extracting(e -> e.action() + " by " + e.actor())
                    .contains("account.password by sam");
        }

        @Test
        void thePrintedAdministratorPasswordMustBeChangedAtFirstSignIn() {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            AccountStore accounts = start(console);
            Matcher printed = PRINTED_PASSWORD.matcher(console.toString(StandardCharsets.UTF_8));
            assertThat(printed.find()).isTrue();

            assertThat(accounts.passwordChangeRequired("admin")).isTrue();
            accounts.changeOwnPassword("admin", printed.group(1).toCharArray(), "my own chosen secret".toCharArray(),
                    HOME, new Actor("admin", ""));

            assertThat(accounts.passwordChangeRequired("admin")).isFalse();
        }

        @Test
        void aDisabledAccountCannotSignInAndItsSessionsEndAtOnce() {
            AccountStore accounts = start();
            SignInSessionStore sessions = new SignInSessionStore(database(), clock,
                    Configs.of(AccountsConfiguration.class));
            Person sam = accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN);
            String token = sessions.start(sam);

            accounts.setEnabled("sam", false, ADMIN);

            assertThat(sessions.resume(token)).isEmpty();
            assertThat(accounts.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.Refused.class);
            assertThat(accounts.account("sam")).get().extracting(Account::enabled).isEqualTo(false);
            assertThatThrownBy(() -> sessions.start(sam)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> accounts.setEnabled("admin", false, ADMIN))
                    .isInstanceOf(IllegalArgumentException.class);

            accounts.setEnabled("sam", true, ADMIN);
            assertThat(accounts.signIn("sam", RIGHT.toCharArray(), HOME)).isInstanceOf(SignInResult.SignedIn.class);
            assertThat(audit.forRecord("account", "sam")).extracting(e -> e.action() + " by " + e.actor())
                    .contains("account.disable by admin", "account.enable by admin");
        }

        @Test
        void signingOutEverywhereEndsEverySessionOfThatAccountOnly() {
            AccountStore accounts = start();
            SignInSessionStore sessions = new SignInSessionStore(database(), clock,
                    Configs.of(AccountsConfiguration.class));
            Person sam = accounts.save("sam", "Sam", Set.of(Roles.STAFF), RIGHT.toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN);
            Person kim = accounts.save("kim", "Kim", Set.of(Roles.STAFF), RIGHT.toCharArray(),
                    Accounts.NEW_ACCOUNT, ADMIN);
            String one = sessions.start(sam);
            String two = sessions.start(sam);
            String kims = sessions.start(kim);

            accounts.signOutEverywhere("sam", new Actor("sam", one));

            assertThat(sessions.resume(one)).isEmpty();
            assertThat(sessions.resume(two)).isEmpty();
            assertThat(sessions.resume(kims)).isPresent();
            assertThat(audit.forRecord("account", "sam")).extracting(e -> e.action() + " by " + e.actor())
                    .contains("account.signOutEverywhere by sam");
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
            assertThat(accounts.signIn("editor.one", "provisioned secret".toCharArray(), HOME))
                    .isInstanceOf(SignInResult.SignedIn.class);
            assertThatThrownBy(() -> accounts.provision("x.y", "X", Set.of(), "plain text"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PasswordHashCommand");
        }
    }
}
