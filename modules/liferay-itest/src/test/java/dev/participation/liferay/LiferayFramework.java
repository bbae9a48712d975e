package dev.participation.liferay;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The OSGi framework of a Liferay 7.4 portal, as far as deployed bundles can tell: Equinox from this
 * class path with Liferay's system packages and contracts ({@code liferay-7.4-system.bnd}), and the
 * bundles Liferay runs itself. Bundles are deployed one at a time, the way Liferay's deploy folder
 * takes them: each is installed, then every bundle not yet active is started again, so a bundle whose
 * requirements arrive later starts then, and one whose requirements never arrive stays unresolved.
 */
final class LiferayFramework implements AutoCloseable {

    /** Liferay's own bundles at the versions Liferay 7.4 runs; the test class path brings them. */
    static final List<String> LIFERAY_BUNDLES = List.of(
            "org/osgi/org.osgi.util.function/1.1.0/org.osgi.util.function-1.1.0.jar",
            "org/osgi/org.osgi.util.promise/1.1.0/org.osgi.util.promise-1.1.0.jar",
            "org/apache/felix/org.apache.felix.configadmin/1.9.26/org.apache.felix.configadmin-1.9.26.jar",
            "org/apache/felix/org.apache.felix.scr/2.1.14/org.apache.felix.scr-2.1.14.jar",
            "com/fasterxml/jackson/core/jackson-annotations/2.16.1/jackson-annotations-2.16.1.jar",
            "com/fasterxml/jackson/core/jackson-core/2.16.1/jackson-core-2.16.1.jar",
            "com/fasterxml/jackson/core/jackson-databind/2.16.1/jackson-databind-2.16.1.jar");

    private final Framework framework;
    private final BundleContext context;
    private final Map<Bundle, String> problems = new LinkedHashMap<>();

    private LiferayFramework(Framework framework) {
        this.framework = framework;
        this.context = framework.getBundleContext();
    }

    static LiferayFramework start(Path storage, Path localRepository) throws IOException, BundleException {
        Properties liferay = new Properties();
        try (InputStream in = LiferayFramework.class.getResourceAsStream("/liferay-7.4-system.bnd")) {
            liferay.load(in);
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, liferay.getProperty("-runsystempackages"));
        config.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA, liferay.getProperty("-runsystemcapabilities"));
        config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_FRAMEWORK);
        // Equinox would otherwise fall back to its parent class loader (this test's class path) for a
        // class a bundle does not import, hiding a missing import that would fail in a real portal.
        config.put("osgi.compatibility.bootdelegation", "false");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        LiferayFramework liferayFramework = new LiferayFramework(framework);
        for (String path : LIFERAY_BUNDLES) {
            liferayFramework.context.installBundle(localRepository.resolve(path).toUri().toString());
        }
        for (Bundle bundle : liferayFramework.context.getBundles()) {
            bundle.start();
        }
        return liferayFramework;
    }

    BundleContext context() {
        return context;
    }

    /** Deploys one jar as Liferay's deploy folder does, and returns its bundle. */
    Bundle deploy(Path jar) throws BundleException {
        Bundle bundle = context.installBundle(jar.toUri().toString());
        startWaiting();
        return bundle;
    }

    private void startWaiting() {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE || bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
                problems.remove(bundle);
            } catch (BundleException | IllegalStateException e) {
                problems.put(bundle, e.getMessage());
            }
        }
    }

    /** Why a bundle that is not active could not start, as the framework said it. */
    String problem(Bundle bundle) {
        return problems.getOrDefault(bundle, "state " + bundle.getState());
    }

    /** Sets a configuration as a {@code osgi/configs/<pid>.config} file would. */
    void configure(String pid, Map<String, Object> values) throws ReflectiveOperationException {
        ServiceReference<?> admin = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = call(admin, "org.osgi.service.cm.ConfigurationAdmin", context.getService(admin),
                "getConfiguration", new Class<?>[] {String.class, String.class}, pid, "?");
        call(admin, "org.osgi.service.cm.Configuration", configuration, "update", new Class<?>[] {Dictionary.class},
                new Hashtable<>(values));
    }

    /** The services registered under a class name neither this test nor the system bundle shares. */
    List<ServiceReference<?>> services(String className) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences(className, null);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Calls a method of a service type that lives inside the framework, by the interface the
     * registering bundle sees (implementation classes may not be public).
     */
    Object call(ServiceReference<?> reference, String type, Object target, String method, Class<?>[] parameters,
            Object... arguments) throws ReflectiveOperationException {
        Method api = reference.getBundle().loadClass(type).getMethod(method, parameters);
        try {
            return api.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type + "." + method + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Waits for something the framework does on its own threads (SCR, the database connection). */
    static void await(Supplier<List<String>> problems, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!problems.get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    List<Bundle> bundles() {
        return new ArrayList<>(List.of(context.getBundles()));
    }

    @Override
    public void close() throws BundleException, InterruptedException {
        framework.stop();
        framework.waitForStop(30_000);
    }
}
