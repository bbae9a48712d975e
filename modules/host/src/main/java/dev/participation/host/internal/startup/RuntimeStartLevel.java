package dev.participation.host.internal.startup;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterServlet;

/**
 * Starts what the public pages do not need (the JSON API, the health checks, Event Admin) once the
 * public site has answered, so a start serves its first page before they load.
 *
 * <p>On two cores they took about a quarter of a second of the CPU while the first page waited
 * for it. As Liferay does with its beginning and runtime start levels, the embedded portal is
 * launched at {@code org.osgi.framework.startlevel.beginning} (2: the database, Jetty, the host and
 * the widgets) and this raises the framework to {@value #RUNTIME_LEVEL} after the public site's
 * first answer. Any answer counts, the 503 for {@code /health} asked before the health bundle is up
 * included, so a load balancer's first probe brings the rest up. With no request at all, or a
 * database that keeps the site away, it is raised after {@code secondsWithoutAPage}, so the health
 * checks can still say what is wrong; until then the page saying the site is away answers
 * {@code /health} with 503 too. That page's answers do not count: at every start it answers for
 * the moment before the database is open, and counting them would start all this before the
 * first page again. Without that framework property (the integration tests'
 * framework, Liferay) it does nothing.
 */
@Component(service = Filter.class, immediate = true, configurationPid = RuntimeStartLevel.PID)
@HttpWhiteboardFilterServlet("participation-public-site")
@HttpWhiteboardFilterName("participation-runtime-start-level")
@Designate(ocd = RuntimeStartLevel.Config.class)
public final class RuntimeStartLevel implements Filter {

    static final String PID = "dev.participation.host.startup";
    /** The framework property naming the start level to reach once the pages are up. */
    public static final String RUNTIME_LEVEL = "participation.startlevel.runtime";

    @ObjectClassDefinition(name = "Participation start-up",
            description = "When the embedded portal starts what its public pages do not need")
    public @interface Config {
        @AttributeDefinition(name = "Seconds without a page", min = "0",
                description = "With no request to the public site, start the JSON API and the health checks"
                        + " this long after the pages' bundles have started")
        int secondsWithoutAPage() default 5;
    }

    private final FrameworkStartLevel framework;
    private final int runtimeLevel;
    private final Logger log;
    private final AtomicBoolean raised = new AtomicBoolean();

    @Activate
    public RuntimeStartLevel(BundleContext context, Config config,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class),
                context.getProperty(RUNTIME_LEVEL), config,
                seconds -> CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS), log);
    }

    RuntimeStartLevel(FrameworkStartLevel framework, String runtimeLevel, Config config,
            Function<Integer, Executor> after, Logger log) {
        this.framework = framework;
        this.log = log;
        this.runtimeLevel = parse(runtimeLevel);
        if (this.runtimeLevel <= 0 || framework.getStartLevel() >= this.runtimeLevel) {
            raised.set(true);
            return;
        }
        after.apply(Math.max(0, config.secondsWithoutAPage())).execute(() -> raise("no page was asked for"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!raised.get()) {
                raise("the public site has answered");
            }
        }
    }

    @Deactivate
    void deactivate() {
        // A host stopped before the rest started leaves the framework where it is.
        raised.set(true);
    }

    private void raise(String why) {
        if (raised.getAndSet(true) || framework.getStartLevel() >= runtimeLevel) {
            return;
        }
        log.info("Starting the JSON API and the health checks (start level {}): {}", runtimeLevel, why);
        framework.setStartLevel(runtimeLevel);
    }

    private int parse(String level) {
        if (level == null || level.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(level.strip());
        } catch (NumberFormatException e) {
            log.warn("{} is not a start level: {}", RUNTIME_LEVEL, level);
            return 0;
        }
    }
}
