package dev.participation.testing.db;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs each {@link StoreTest} once per {@link DatabaseKind}, handing a freshly migrated
 * {@link TestStorage} to the test's {@code @BeforeEach} methods and parameters, and dropping it
 * afterwards. The database is opened on first use, so a skipped PostgreSQL run opens nothing.
 */
final class OnBothDatabases implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OnBothDatabases.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.isAnnotationPresent(StoreTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        String schema = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OwnSchema.class)
                .map(OwnSchema::value).orElse(null);
        return Stream.of(DatabaseKind.values()).map(kind -> new OnDatabase(kind, schema));
    }

    private record OnDatabase(DatabaseKind kind, String schema) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "on " + kind.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Opener(kind, schema));
        }
    }

    private record Opener(DatabaseKind kind, String schema) implements ParameterResolver, AfterEachCallback {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestStorage.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(Opener.class,
                    key -> TestStorage.open(kind, schema), TestStorage.class);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            TestStorage storage = context.getStore(NAMESPACE).remove(Opener.class, TestStorage.class);
            if (storage != null) {
                storage.close();
            }
        }
    }
}
