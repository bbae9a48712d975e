package dev.participation.health.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.participation.api.account.SignInSessions;
import dev.participation.api.net.AddressRanges;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /health}: runs every health check tagged {@code participation} (bundles, components,
 * database). 200 when all is well, 503 otherwise, so a load balancer can take an unhealthy node out
 * of service. Anyone gets that and {@code {"status":"OK"}} (or {@code CRITICAL}); the checks' words
 * and every bundle and component with its version and state tell an attacker what the server runs,
 * so only a signed-in admin or a configured management address gets them.
 */
@Component(service = Servlet.class, configurationPid = HealthConfiguration.PID)
@Designate(ocd = HealthConfiguration.class)
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String TAG = "participation";
    /** The host's session cookie, under its plain and its Secure ({@code __Host-}) name. */
    private static final List<String> SESSION_COOKIES = List.of("pw_session", "__Host-pw_session");

    private final transient HealthCheckExecutor executor;
    private final transient ServiceComponentRuntime scr;
    private final transient BundleContext context;
    private final transient ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final transient AddressRanges management;

    // Optional: /health must answer, 503, even when the service layer (and so sign-in) is down.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile SignInSessions sessions;

    @Activate
    public HealthServlet(@Reference HealthCheckExecutor executor, @Reference ServiceComponentRuntime scr,
            BundleContext context, HealthConfiguration config,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.executor = executor;
        this.scr = scr;
        this.context = context;
        this.management = AddressRanges.parse(config.managementAddresses());
        if (!management.rejected().isEmpty()) {
            log.warn("managementAddresses: ignoring {}, which are not IP addresses or CIDR ranges",
                    management.rejected());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean ok = true;
        List<HealthCheckExecutionResult> results = executor.execute(HealthCheckSelector.tags(TAG));
        for (HealthCheckExecutionResult r : results) {
            Result result = r.getHealthCheckResult();
            ok &= result.isOk();
            List<String> messages = new ArrayList<>();
            for (ResultLog.Entry e : result) {
                messages.add(e.getStatus() + " " + e.getMessage());
            }
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", r.getHealthCheckMetadata().getName());
            check.put("status", result.getStatus().name());
            check.put("messages", messages);
            checks.add(check);
        }
        // No checks at all means the checks themselves are not running: not healthy.
        ok &= !results.isEmpty();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", ok ? "OK" : "CRITICAL");
        if (mayReadDetails(request)) {
            report.put("checks", checks);
            report.put("bundles", RuntimeInventory.bundles(context.getBundles()));
            report.put("components", RuntimeInventory.components(scr));
        }

        response.setStatus(ok ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), report);
    }

    private boolean mayReadDetails(HttpServletRequest request) {
        return management.contains(request.getRemoteAddr()) || isAdmin(request);
    }

    private boolean isAdmin(HttpServletRequest request) {
        SignInSessions current = sessions;
        Cookie[] cookies = request.getCookies();
        if (current == null || cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIES.contains(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                try {
                    if (current.resume(cookie.getValue()).map(Person::roles)
                            .filter(roles -> roles.contains(Roles.ADMIN)).isPresent()) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // The database is down: the report will say so, in the status, to anyone.
                    return false;
                }
            }
        }
        return false;
    }
}
