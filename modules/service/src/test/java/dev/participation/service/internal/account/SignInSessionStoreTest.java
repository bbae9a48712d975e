package dev.participation.service.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;

import dev.participation.api.account.Accounts;
import dev.participation.api.account.Actor;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.storage.Configs;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignInSessionStoreTest {

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

        AccountStore accounts;
        SignInSessionStore sessions;
        Person sam;

        Contract(Kind kind) {
            super(kind);
        }

        @BeforeEach
        void createStores() {
            AccountsConfiguration config = Configs.of(AccountsConfiguration.class,
                    "sessionIdleMinutes", 120, "sessionMaxHours", 12);
            accounts = new AccountStore(database(), new AuditLogStore(database(), clock), clock, config,
                    new PasswordHasher(1_000, new SecureRandom()), new PrintStream(new ByteArrayOutputStream()));
            sam = accounts.save("sam", "Sam", Set.of(Roles.STAFF), "a long enough secret".toCharArray(),
                    Accounts.NEW_ACCOUNT, new Actor("admin", ""));
            sessions = new SignInSessionStore(database(), clock, config);
        }

        @Test
        void aStartedSessionResumesAsThePersonAndStoresOnlyAHash() {
            String token = sessions.start(sam);

            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(sessions.resume(token)).contains(sam);
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_session WHERE token_hash = ?", token)).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_session WHERE token_hash = ?",
                    SignInSessionStore.hash(token))).isEqualTo(1);
        }

        @Test
        void anIdleSessionExpiresButUseKeepsItAlive() {
            String busy = sessions.start(sam);
            String idle = sessions.start(sam);

            clock.advance(Duration.ofMinutes(100));
            assertThat(sessions.resume(busy)).isPresent();
            clock.advance(Duration.ofMinutes(100));

            assertThat(sessions.resume(busy)).isPresent();
            assertThat(sessions.resume(idle)).isEmpty();
        }

        @Test
        void noSessionOutlivesItsMaximumHowEverBusy() {
            String token = sessions.start(sam);
            for (int hour = 0; hour < 11; hour++) {
                clock.advance(Duration.ofHours(1));
                assertThat(sessions.resume(token)).isPresent();
            }
            clock.advance(Duration.ofMinutes(59));
            assertThat(sessions.resume(token)).isPresent();
            clock.advance(Duration.ofMinutes(1));

            assertThat(sessions.resume(token)).isEmpty();
        }

        @Test
        void theIdleExpiryIsWrittenAtMostOnceAMinute() {
            String token = sessions.start(sam);
            String hash = SignInSessionStore.hash(token);
            clock.advance(Duration.ofSeconds(30));
            sessions.resume(token);
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_session WHERE token_hash = ? AND last_seen_at < ?",
                    hash, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))).isEqualTo(1);

            clock.advance(Duration.ofSeconds(30));
            sessions.resume(token);
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_session WHERE token_hash = ? AND last_seen_at < ?",
                    hash, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))).isZero();
        }

        @Test
        void endingASessionSignsOutEverywhereAndOddTokensAreIgnored() {
            String token = sessions.start(sam);

            sessions.end(token);
            sessions.end("not-a-token");
            sessions.end(null);

            assertThat(sessions.resume(token)).isEmpty();
            assertThat(sessions.resume("")).isEmpty();
            assertThat(db.count("SELECT COUNT(*) FROM sign_in_session")).isZero();
        }

        @Test
        void expiredSessionsAreSweptAway() {
            sessions.start(sam);
            sessions.start(sam);
            clock.advance(Duration.ofHours(13));

            sessions.start(sam);

            assertThat(db.count("SELECT COUNT(*) FROM sign_in_session")).isEqualTo(1);
        }

        @Test
        void aRoleTakenAwayEndsTheSession() {
            String token = sessions.start(sam);
            accounts.save("sam", "Sam", Set.of(), null, accounts.account("sam").orElseThrow().version(),
                    new Actor("admin", ""));

            assertThat(sessions.resume(token)).isEmpty();
        }

        @Test
        void theIdleLimitIsTheConfiguredOne() {
            SignInSessionStore quick = new SignInSessionStore(database(), clock,
                    Configs.of(AccountsConfiguration.class, "sessionIdleMinutes", 5));
            String busy = quick.start(sam);
            String idle = quick.start(sam);

            clock.advance(Duration.ofMinutes(4));
            assertThat(quick.resume(busy)).isPresent();
            clock.advance(Duration.ofMinutes(2));

            assertThat(quick.resume(busy)).isPresent();
            assertThat(quick.resume(idle)).isEmpty();
        }

        @Test
        void onlyLocalAccountsCanStartASession() {
            assertThatThrownBy(() -> sessions.start(new Person("stranger", "Stranger", Set.of())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
