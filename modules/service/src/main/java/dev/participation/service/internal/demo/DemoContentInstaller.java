package dev.participation.service.internal.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.participation.api.demo.DemoContent;
import dev.participation.service.internal.storage.Database;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Installs every {@link DemoContent} service when the demo switch is on, including contributions
 * whose bundles start later. Installs run on one background thread: a contribution calls other
 * services, and doing that inside DS's bind callback could wait on components still starting.
 */
@Component(configurationPid = DemoContentInstaller.PID, immediate = true, service = {})
@Designate(ocd = DemoContentInstaller.Config.class)
public final class DemoContentInstaller {

    public static final String PID = "dev.participation.demo";
    static final String FRAMEWORK_PROPERTY = "participation.demo.content";
    private static final System.Logger LOG = System.getLogger(DemoContentInstaller.class.getName());

    @ObjectClassDefinition(name = "Participation demo content",
            description = "Sample pledges, groups, events and forms for trying the portal out.")
    public @interface Config {

        @AttributeDefinition(name = "Install demo content",
                description = "Without this configuration the framework property participation.demo.content decides.")
        boolean enabled() default false;
    }

    private final DemoContentInstallation installation;
    private final boolean enabled;
    private final ExecutorService installer;
    private final List<DemoContent> waiting = new ArrayList<>();
    private boolean started;

    @Activate
    public DemoContentInstaller(@Reference Database database, @Reference Clock clock, BundleContext context,
            Map<String, Object> properties) {
        this(new DemoContentInstallation(database, clock),
                isEnabled(properties, context.getProperty(FRAMEWORK_PROPERTY)),
                Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, "participation-demo-content");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    DemoContentInstaller(DemoContentInstallation installation, boolean enabled, ExecutorService installer) {
        this.installation = installation;
        this.enabled = enabled;
        this.installer = installer;
    }

    /**
     * A configuration decides when there is one; otherwise the host's framework property does.
     * That is why the properties are read as a map: the typed {@link Config} would turn a missing
     * value into its default and hide the difference.
     */
    static boolean isEnabled(Map<String, Object> properties, String frameworkProperty) {
        Object configured = properties.get("enabled");
        return configured != null ? Boolean.parseBoolean(configured.toString()) : Boolean.parseBoolean(frameworkProperty);
    }

    // DS binds dynamic references after the constructor; contributions bound before start() wait.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addContent(DemoContent content) {
        if (started) {
            submit(content);
        } else {
            waiting.add(content);
        }
    }

    synchronized void removeContent(DemoContent content) {
        waiting.remove(content);
    }

    @Activate
    synchronized void start() {
        started = true;
        waiting.forEach(this::submit);
        waiting.clear();
    }

    @Deactivate
    void stop() {
        installer.shutdownNow();
    }

    private void submit(DemoContent content) {
        if (!enabled) {
            return;
        }
        installer.execute(() -> {
            try {
                if (installation.installOnce(content)) {
                    LOG.log(System.Logger.Level.INFO, "Installed demo content {0}", content.key());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Demo content " + content.key() + " could not be installed;"
                        + " it will be tried again at the next start", e);
            }
        });
    }
}
