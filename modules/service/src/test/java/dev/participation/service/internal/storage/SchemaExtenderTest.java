package dev.participation.service.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import dev.participation.api.storage.Storage;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class SchemaExtenderTest {

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

        @TempDir
        Path scripts;
        final BundleContext context = mock(BundleContext.class);

        Contract(Kind kind) {
            super(kind);
        }

        SchemaExtender extender() {
            return new SchemaExtender(context, db.dataSource(), database(), clock);
        }

        Bundle bundleOwning(String header, Map<String, String> files) throws IOException {
            Bundle bundle = mock(Bundle.class);
            Dictionary<String, String> headers = new Hashtable<>();
            if (header != null) {
                headers.put(Storage.SCHEMA_HEADER, header);
            }
            when(bundle.getHeaders("")).thenReturn(headers);
            when(bundle.getSymbolicName()).thenReturn("trial.widget");
            List<URL> urls = new java.util.ArrayList<>();
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = Files.writeString(scripts.resolve(file.getKey()), file.getValue());
                urls.add(path.toUri().toURL());
            }
            String schema = header == null ? "" : header.split(";")[0];
            // A fresh enumeration each time, as a bundle gives: its schema is read when it starts and may be read earlier.
            when(bundle.findEntries("db/" + schema, "V*.sql", false)).thenAnswer(call -> Collections.enumeration(urls));
            return bundle;
        }

        @Test
        void aBundlesSchemaIsMigratedBeforeItsStorageIsRegistered() throws IOException {
            Bundle bundle = bundleOwning("trial;note=ignored",
                    Map.of("V001__trial.sql", "CREATE TABLE trial_thing (id INT PRIMARY KEY);"));
            ServiceRegistration<Storage> registration = mockRegistration();
            ArgumentCaptor<Dictionary<String, Object>> properties = propertiesCaptor();
            when(context.registerService(eq(Storage.class), eq(database()), properties.capture())).thenAnswer(call -> {
                // By the time anyone can see the service, the table is there.
                assertThat(db.count("SELECT COUNT(*) FROM trial_thing")).isZero();
                return registration;
            });

            assertThat(extender().addingBundle(bundle, null)).isSameAs(registration);
            assertThat(properties.getValue().get(Storage.SCHEMA)).isEqualTo("trial");
            assertThat(db.count("SELECT COUNT(*) FROM schema_history WHERE schema_name = 'trial'")).isEqualTo(1);
        }

        @Test
        void aBundleWithoutTheHeaderIsLeftAlone() throws IOException {
            assertThat(extender().addingBundle(bundleOwning(null, Map.of()), null)).isNull();
            verify(context, never()).registerService(eq(Storage.class), any(Storage.class), any());
        }

        @Test
        void aFailingScriptLeavesNoStorageAndIsReported() throws IOException {
            Bundle bundle = bundleOwning("trial", Map.of("V001__trial.sql", "INSERT INTO no_such_table (id) VALUES (1);"));
            SchemaExtender extender = extender();

            assertThat(extender.addingBundle(bundle, null)).isNull();
            verify(context, never()).registerService(eq(Storage.class), any(Storage.class), any());
            assertThat(extender.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("Schema trial of trial.widget is not available").contains("V001__trial.sql"));
        }

        @Test
        void installedBundlesSchemasAreMigratedWithThePlatformsAndAFailingOneIsLeftForItsStart() throws Exception {
            Bundle good = bundleOwning("trial", Map.of("V001__trial.sql", "CREATE TABLE trial_early (id INT PRIMARY KEY);"));
            Bundle broken = bundleOwning("other", Map.of("V001__other.sql", "INSERT INTO no_such_table (id) VALUES (1);"));
            when(context.getBundles()).thenReturn(new Bundle[] {good, broken});

            try (java.sql.Connection connection = db.dataSource().getConnection()) {
                SchemaExtender.migrateInstalled(context, connection, database().dialect(), clock);
            }

            assertThat(db.count("SELECT COUNT(*) FROM trial_early")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM schema_history WHERE schema_name = 'trial'")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM schema_history WHERE schema_name = 'other'")).isZero();
            // When the bundle starts, its schema is found migrated and its storage registered.
            ServiceRegistration<Storage> registration = mockRegistration();
            when(context.registerService(eq(Storage.class), eq(database()), any())).thenReturn(registration);
            assertThat(extender().addingBundle(good, null)).isSameAs(registration);
        }

        @Test
        void theStorageIsWithdrawnWhenTheBundleStops() {
            ServiceRegistration<Storage> registration = mockRegistration();
            extender().removedBundle(mock(Bundle.class), null, registration);
            verify(registration).unregister();
        }

        @SuppressWarnings("unchecked")
        private static ServiceRegistration<Storage> mockRegistration() {
            return mock(ServiceRegistration.class);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static ArgumentCaptor<Dictionary<String, Object>> propertiesCaptor() {
            return (ArgumentCaptor) ArgumentCaptor.forClass(Dictionary.class);
        }
    }
}
