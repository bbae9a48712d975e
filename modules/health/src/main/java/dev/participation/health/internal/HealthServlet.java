package dev.participation.health.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.servlet.Servlet;
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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /health}: runs every health check tagged {@code participation} (bundles, components,
 * database) and lists each bundle and component with its state. 200 when all is well, 503
 * otherwise, so a load balancer can take an unhealthy node out of service.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String TAG = "participation";

    private final transient HealthCheckExecutor executor;
    private final transient ServiceComponentRuntime scr;
    private final transient BundleContext context;
    private final transient ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Activate
    public HealthServlet(@Reference HealthCheckExecutor executor, @Reference ServiceComponentRuntime scr,
            BundleContext context) {
        this.executor = executor;
        this.scr = scr;
        this.context = context;
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
        report.put("checks", checks);
        report.put("bundles", RuntimeInventory.bundles(context.getBundles()));
        report.put("components", RuntimeInventory.components(scr));

        response.setStatus(ok ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), report);
    }
}
