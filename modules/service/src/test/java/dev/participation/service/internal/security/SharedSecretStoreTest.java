package dev.participation.service.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SharedSecretStoreTest {

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

        Contract(Kind kind) {
            super(kind);
        }

        @Test
        void aKeyIsCreatedOnceAndSharedByEveryNode() {
            byte[] first = new SharedSecretStore(database(), clock).key("csrf");
            byte[] otherNode = new SharedSecretStore(database(), clock).key("csrf");
            byte[] otherName = new SharedSecretStore(database(), clock).key("unsubscribe-links");

            assertThat(first).hasSize(32).isEqualTo(otherNode);
            assertThat(otherName).hasSize(32).isNotEqualTo(first);
        }

        @Test
        void nodesRacingToCreateAKeyAgreeOnOne() throws Exception {
            int nodes = 8;
            CountDownLatch ready = new CountDownLatch(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            List<String> keys = new ArrayList<>();
            try {
                List<Future<byte[]>> answers = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    SharedSecretStore node = new SharedSecretStore(database(), clock);
                    answers.add(pool.submit((Callable<byte[]>) () -> {
                        ready.countDown();
                        ready.await(10, TimeUnit.SECONDS);
                        return node.key("csrf");
                    }));
                }
                for (Future<byte[]> answer : answers) {
                    keys.add(HexFormat.of().formatHex(answer.get(60, TimeUnit.SECONDS)));
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(keys).hasSize(nodes).containsOnly(keys.get(0));
            assertThat(db.count("SELECT COUNT(*) FROM shared_secret")).isEqualTo(1);
        }

        @Test
        void callersCannotChangeTheKeyOthersGet() {
            SharedSecretStore secrets = new SharedSecretStore(database(), clock);
            byte[] key = secrets.key("csrf");
            byte[] copy = key.clone();
            key[0] ^= 0x7f;

            assertThat(secrets.key("csrf")).isEqualTo(copy);
        }
    }
}
