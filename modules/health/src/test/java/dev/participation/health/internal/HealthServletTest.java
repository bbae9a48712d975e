package dev.participation.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.participation.api.account.SignInSessions;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.Logger;

class HealthServletTest {

    private final SignInSessions sessions = mock(SignInSessions.class);

    @Test
    void strangersLearnOnlyWhetherTheNodeIsHealthy() throws Exception {
        Map<String, Object> report = get(servlet(), request("198.51.100.4"), 200);

        assertThat(report).containsOnlyKeys("status").containsEntry("status", "OK");
    }

    @Test
    void anUnhealthyNodeSays503ToAnyone() throws Exception {
        HealthServlet servlet = servlet(Result.Status.CRITICAL);

        Map<String, Object> report = get(servlet, request("198.51.100.4"), 503);

        assertThat(report).containsOnlyKeys("status").containsEntry("status", "CRITICAL");
    }

    @Test
    void managementAddressesGetTheDetails() throws Exception {
        Map<String, Object> report = get(servlet("10.20.0.0/16"), request("10.20.3.4"), 200);

        assertThat(report).containsKeys("status", "checks", "bundles", "components");
        assertThat(report.toString()).contains("participation-host").contains("1.2.3");
    }

    @Test
    void signedInAdminsGetTheDetailsUnderEitherCookieName() throws Exception {
        when(sessions.resume(anyString())).thenReturn(Optional.empty());
        when(sessions.resume("admin-token")).thenReturn(Optional.of(new Person("a", "Ada", Set.of(Roles.ADMIN))));
        when(sessions.resume("staff-token")).thenReturn(Optional.of(new Person("s", "Sam", Set.of(Roles.STAFF, Roles.EDITOR))));
        HealthServlet servlet = servlet();

        assertThat(get(servlet, request("198.51.100.4", new Cookie("pw_session", "admin-token")), 200))
                .containsKey("bundles");
        assertThat(get(servlet, request("198.51.100.4", new Cookie("__Host-pw_session", "admin-token")), 200))
                .containsKey("bundles");
        assertThat(get(servlet, request("198.51.100.4", new Cookie("pw_session", "staff-token")), 200))
                .containsOnlyKeys("status");
        assertThat(get(servlet, request("198.51.100.4", new Cookie("other", "admin-token")), 200))
                .containsOnlyKeys("status");
    }

    @Test
    void withoutTheSignInServiceNobodyIsAnAdmin() throws Exception {
        HealthServlet servlet = servlet();
        inject(servlet, null);

        assertThat(get(servlet, request("198.51.100.4", new Cookie("pw_session", "admin-token")), 200))
                .containsOnlyKeys("status");
    }

    @Test
    void aFailingSessionStoreHidesTheDetails() throws Exception {
        when(sessions.resume(anyString())).thenThrow(new IllegalStateException("database down"));

        assertThat(get(servlet(), request("198.51.100.4", new Cookie("pw_session", "admin-token")), 200))
                .containsOnlyKeys("status");
    }

    private HealthServlet servlet(String... management) throws Exception {
        return servlet(Result.Status.OK, management);
    }

    private HealthServlet servlet(Result.Status status, String... management) throws Exception {
        HealthCheckExecutor executor = mock(HealthCheckExecutor.class);
        HealthCheckExecutionResult result = mock(HealthCheckExecutionResult.class);
        FormattingResultLog log = new FormattingResultLog();
        if (status == Result.Status.OK) {
            log.info("42 bundles checked");
        } else {
            log.critical("participation-service is installed");
        }
        when(result.getHealthCheckResult()).thenReturn(new Result(log));
        HealthCheckMetadata metadata = mock(HealthCheckMetadata.class);
        when(metadata.getName()).thenReturn("Bundles active");
        when(result.getHealthCheckMetadata()).thenReturn(metadata);
        when(executor.execute(any())).thenReturn(List.of(result));
        ServiceComponentRuntime scr = mock(ServiceComponentRuntime.class);
        BundleContext context = mock(BundleContext.class);
        Bundle host = mock(Bundle.class);
        when(host.getSymbolicName()).thenReturn("participation-host");
        when(host.getVersion()).thenReturn(new Version(1, 2, 3));
        when(host.getState()).thenReturn(Bundle.ACTIVE);
        when(host.getHeaders("")).thenReturn(new java.util.Hashtable<>());
        when(context.getBundles()).thenReturn(new Bundle[] {host});
        HealthServlet servlet = new HealthServlet(executor, scr, context, config(management), mock(Logger.class));
        inject(servlet, sessions);
        return servlet;
    }

    /** As DS sets the optional dynamic reference. */
    private static void inject(HealthServlet servlet, SignInSessions sessions) throws Exception {
        Field field = HealthServlet.class.getDeclaredField("sessions");
        field.setAccessible(true);
        field.set(servlet, sessions);
    }

    private static HttpServletRequest request(String address, Cookie... cookies) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRemoteAddr()).thenReturn(address);
        when(request.getCookies()).thenReturn(cookies.length == 0 ? null : cookies);
        return request;
    }

    private static Map<String, Object> get(HealthServlet servlet, HttpServletRequest request, int status) throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
        servlet.doGet(request, response);
        org.mockito.Mockito.verify(response).setStatus(status);
        return new ObjectMapper().readValue(body.toString(StandardCharsets.UTF_8), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    private static HealthConfiguration config(String... management) {
        return new HealthConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HealthConfiguration.class;
            }

            @Override
            public String[] managementAddresses() {
                return management;
            }
        };
    }
}
