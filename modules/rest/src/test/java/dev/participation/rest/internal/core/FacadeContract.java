package dev.participation.rest.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.participation.rest.internal.core.Exchange.Result;
import dev.participation.rest.internal.core.Fixtures.EventsWidget;
import dev.participation.rest.internal.core.Fixtures.Things;
import dev.participation.rest.internal.core.Fixtures.UntranslatedWidget;

/**
 * What the servlet of every host must do: give a client exactly the answer the core gives, for
 * each kind of request clients send (data, the document, every failure). Each host's servlet test
 * extends this, naming where its whiteboard mounts the servlet and which servlet API it is on; the
 * exchanges go through that API's request and response, mocked.
 */
public abstract class FacadeContract {

    /**
     * Where a host's whiteboard mounts the servlet.
     *
     * @param contextPath the context path the whiteboard gives the servlet
     * @param servletPath the servlet path the whiteboard gives the servlet
     * @param server the server the OpenAPI document names in this host; empty when the paths are
     *        absolute as written
     */
    public record Mount(String contextPath, String servletPath, String server) {
    }

    /** The types of one servlet API (Jakarta or javax) that a servlet is handed. */
    public record ServletApi(Class<?> request, Class<?> response, Class<? extends OutputStream> stream) {
    }

    /** The core the host's servlet is wired to. */
    private JsonApi api;

    private final String contextPath;
    private final String servletPath;
    private final String server;
    private final ServletApi servletApi;
    private final Function<JsonApi, ?> servlet;

    /** @param servlet the host's servlet, wired to the given core as DS would wire it */
    protected FacadeContract(Mount mount, ServletApi servletApi, Function<JsonApi, ?> servlet) {
        this.contextPath = mount.contextPath();
        this.servletPath = mount.servletPath();
        this.server = mount.server();
        this.servletApi = servletApi;
        this.servlet = servlet;
    }

    /** The exchange sent through the host's servlet, as a client receives it. */
    private Result send(Exchange exchange) throws Exception {
        Object target = servlet.apply(api);
        RecordedResponse response = new RecordedResponse();
        Object[] arguments = {request(servletApi.request(), exchange),
            response.as(servletApi.response(), servletApi.stream())};
        // The container's entry point, public in both servlet APIs: service(ServletRequest, ServletResponse).
        Method service = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals("service") && m.getParameterCount() == 2
                        && m.getParameterTypes()[0].isInstance(arguments[0])
                        && m.getParameterTypes()[1].isInstance(arguments[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError(target + " is not a servlet of " + servletApi));
        try {
            service.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return response.result();
    }

    /**
     * A request of either servlet API ({@code HttpServletRequest} of jakarta or javax) that answers
     * what a whiteboard would give the servlet for this exchange.
     */
    private static <Q> Q request(Class<Q> type, Exchange exchange) {
        return mock(type, invocation -> switch (invocation.getMethod().getName()) {
            case "getMethod" -> exchange.method();
            case "getRequestURI" -> exchange.requestUri();
            case "getContextPath" -> exchange.contextPath();
            case "getServletPath" -> exchange.servletPath();
            case "getPathInfo" -> exchange.pathInfo();
            case "getQueryString" -> exchange.queryString();
            case "getParameterMap" -> exchange.parameters();
            case "getHeader" -> exchange.header(invocation.getArgument(0));
            default -> RETURNS_DEFAULTS.answer(invocation);
        });
    }

    /** A response of either servlet API that records what the client would receive. */
    private static final class RecordedResponse {
        private int status = 200;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType;
        private Integer contentLength;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        /** The response to hand the servlet, with {@code ServletOutputStream} of the same API as its stream. */
        public <R> R as(Class<R> type, Class<? extends OutputStream> streamType) {
            OutputStream stream = mock(streamType, invocation -> {
                if (invocation.getMethod().getName().equals("write")) {
                    Object[] args = invocation.getArguments();
                    if (args.length == 1 && args[0] instanceof Integer b) {
                        body.write(b);
                    } else if (args.length == 1) {
                        body.writeBytes((byte[]) args[0]);
                    } else {
                        body.write((byte[]) args[0], (Integer) args[1], (Integer) args[2]);
                    }
                    return null;
                }
                return RETURNS_DEFAULTS.answer(invocation);
            });
            return mock(type, invocation -> {
                Object[] args = invocation.getArguments();
                switch (invocation.getMethod().getName()) {
                    case "setStatus" -> status = (Integer) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> contentType = (String) args[0];
                    case "setContentLength" -> contentLength = (Integer) args[0];
                    case "getOutputStream" -> {
                        return stream;
                    }
                    default -> {
                        return RETURNS_DEFAULTS.answer(invocation);
                    }
                }
                return null;
            });
        }

        public Result result() {
            return new Result(status, headers, contentType, contentLength, body.toString(StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void wireTheApi() {
        api = Fixtures.api(Fixtures.config("en-GB", 0), mock(Logger.class), new EventsWidget(),
                new UntranslatedWidget());
        api.bindJsonResource(new Things(), Map.of());
    }

    private Exchange request(String method, String path) {
        return Exchange.request(method, servletPath + path).contextPath(contextPath).servletPath(servletPath);
    }

    /** Sends through the servlet and checks the client gets what the core answers, byte for byte. */
    private Result served(Exchange exchange) throws Exception {
        Result served = send(exchange);
        assertThat(served).as("%s %s", exchange.method(), exchange.requestUri()).isEqualTo(exchange.sendTo(api));
        return served;
    }

    @Test
    void widgetTypesAreServedTranslated() throws Exception {
        Result r = served(request("GET", "/widget-types").header("Accept-Language", "cy-GB"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(r.json().get("items")).extracting(n -> n.get("key").asText())
                .containsExactly("acorn", "event-signup");
        assertThat(r.json().at("/items/1/name").asText()).isEqualTo("Cofrestru ar gyfer digwyddiad");
        assertThat(r.contentLength()).isEqualTo(r.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void theDocumentLeadsClientsToWhereThisHostServesTheApi() throws Exception {
        Result r = served(request("GET", "/openapi.json"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode document = r.json();
        assertThat(document.get("paths").has("/api/things")).isTrue();
        if (server.isEmpty()) {
            assertThat(document.has("servers")).isFalse();
        } else {
            assertThat(document.at("/servers/0/url").asText()).isEqualTo(server);
        }
        // The server and a documented path together are the address this servlet answers at.
        assertThat(server + "/api/things").isEqualTo(contextPath + servletPath + "/things");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void anUnknownNameIsAProblemNamingTheAddressAsked() throws Exception {
        Result r = served(request("GET", "/nothing-here"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("application/problem+json; charset=utf-8");
        assertThat(r.json().get("instance").asText()).isEqualTo(contextPath + servletPath + "/nothing-here");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void writesAre405WithAllow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            Result r = served(request(method, "/things/park"));
            assertThat(r.status()).as(method).isEqualTo(405);
            assertThat(r.header("Allow")).as(method).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(r.json().get("status").asInt()).as(method).isEqualTo(405);
        }
        assertThat(served(request("PROPFIND", "/things")).status()).isEqualTo(501);
    }

    @Test
    void badInputIsA400ProblemNeverAServerError() throws Exception {
        for (String path : List.of("/things?when=%zz", "/things/%E0%A4%A")) {
            Result r = served(request("GET", path));
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).isEqualTo("application/problem+json; charset=utf-8");
        }
    }

    @Test
    void aFailingResourceIsAProblemThatHidesItsCause() throws Exception {
        Result r = served(request("GET", "/things/boom"));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("Internal Server Error").doesNotContain("jdbc", "alice");
    }

    @Test
    void headDescribesTheBodyWithoutSendingIt() throws Exception {
        Result r = served(request("HEAD", "/things"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentLength()).isPositive();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void optionsIsABodilessAnswerForCors() throws Exception {
        Result r = served(request("OPTIONS", "/things"));

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.contentType()).isNull();
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(r.body()).isEmpty();
    }
}
