package dev.participation.rest.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON API: answers {@code GET /api/<name>/...} from the {@link JsonResource} of that name,
 * {@code /api/openapi.json} with the assembled OpenAPI document and {@code /api/widget-types} from
 * the installed widgets.
 *
 * <p>Everything it answers, failures included, is JSON: problem details (RFC 9457) rather than the
 * server's HTML error pages, because the callers are programs (other council sites, apps) that parse
 * what they get. It never calls {@code sendError}, which would hand the response to the container's
 * error page.
 */
@Component(service = Servlet.class, configurationPid = ApiServlet.PID)
@Designate(ocd = ApiConfiguration.class)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("participation-json-api")
public final class ApiServlet extends HttpServlet {

    static final String PID = "dev.participation.rest";

    private static final long serialVersionUID = 1L;

    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    static final String ALLOW = "GET, HEAD, OPTIONS";
    static final String OPENAPI = "openapi.json";

    /** Names are one URL segment; anything else could never be reached, so it is refused at bind time. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final transient Logger logger;
    private final transient WidgetTypesResource widgetTypes;
    private final transient ObjectMapper mapper;
    private final transient OpenApiDocument openApi;
    private final transient RankedServices<JsonResource> resources;
    private final Locale defaultLocale;
    private final String cacheControl;

    /** Bumped on every change of resources so a document assembled meanwhile is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private transient volatile CachedDocument cached;

    private record CachedDocument(long generation, ObjectNode document) {
    }

    @Activate
    public ApiServlet(ApiConfiguration config, @Reference WidgetTypesResource widgetTypes,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.logger = logger;
        this.widgetTypes = widgetTypes;
        this.mapper = objectMapper();
        this.openApi = new OpenApiDocument(mapper, logger);
        this.resources = new RankedServices<>("JSON resource", JsonResource::name, logger);
        Locale configured = Locale.forLanguageTag(config.defaultLanguage().trim());
        this.defaultLocale = configured.getLanguage().isEmpty() ? Locale.UK : configured;
        int maxAge = Math.max(0, config.maxAgeSeconds());
        // "no-cache" still lets a cache store the answer but makes it ask again before reuse.
        this.cacheControl = maxAge == 0 ? "no-cache" : "public, max-age=" + maxAge;
    }

    /** The one Jackson set-up for every answer: ISO-8601 dates, records, no null or empty Optional fields. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                        JsonInclude.Include.NON_ABSENT))
                .build();
    }

    // Resources come and go with widget bundles; greedy so a new or higher-ranked one is used at once.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindJsonResource(JsonResource resource, Map<String, Object> properties) {
        String name;
        try {
            name = resource.name();
        } catch (RuntimeException e) {
            logger.error("Ignoring a JSON resource that fails to give its name: {}", resource, e);
            return;
        }
        if (name == null || !NAME.matcher(name).matches() || name.equals(WidgetTypesResource.NAME)) {
            logger.error("Ignoring JSON resource {}: its name '{}' is not a lower-case URL segment or is reserved",
                    resource, name);
            return;
        }
        resources.add(resource, properties);
        generation.incrementAndGet();
    }

    void unbindJsonResource(JsonResource resource) {
        resources.remove(resource);
        generation.incrementAndGet();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Public data read by other sites' scripts: any origin may read it, answers included.
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("X-Content-Type-Options", "nosniff");
        switch (request.getMethod()) {
            case "GET" -> get(request, response, false);
            case "HEAD" -> get(request, response, true);
            case "OPTIONS" -> options(response);
            case "POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT" -> {
                response.setHeader("Allow", ALLOW);
                problem(request, response, 405, "Method Not Allowed",
                        "This API is read-only; it answers GET, HEAD and OPTIONS.", false);
            }
            // As the rest of the site: a method HTTP does not define is not implemented anywhere here.
            default -> problem(request, response, 501, "Not Implemented",
                    "This API answers GET, HEAD and OPTIONS.", false);
        }
    }

    private void options(HttpServletResponse response) {
        // Also answers a CORS preflight; plain GETs with Accept-Language need none, but a client
        // adding other headers does.
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Allow", ALLOW);
        response.setHeader("Access-Control-Allow-Methods", ALLOW);
        response.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type");
        response.setHeader("Access-Control-Max-Age", "86400");
    }

    private void get(HttpServletRequest request, HttpServletResponse response, boolean head) throws IOException {
        byte[] body;
        try {
            Object result = dispatch(request);
            if (result == null) {
                throw new IllegalStateException("the resource answered null for " + request.getRequestURI());
            }
            body = mapper.writeValueAsBytes(result);
        } catch (ApiProblem p) {
            if (p.status() < 400 || p.status() > 599) {
                logger.error("A resource answered {} with status {}, which is not an error", request.getRequestURI(),
                        p.status(), p);
                internalError(request, response, head);
            } else {
                String title = p.title() == null || p.title().isBlank() ? reason(p.status()) : p.title();
                problem(request, response, p.status(), title, p.detail(), head);
            }
            return;
        } catch (RuntimeException | LinkageError | JsonProcessingException e) {
            // LinkageError: a resource's bundle may be stopping while it answers.
            logger.error("Answering {} failed", request.getRequestURI(), e);
            internalError(request, response, head);
            return;
        }
        response.setHeader("Cache-Control", cacheControl);
        // Resources may translate, so a shared cache must keep one copy per language.
        response.setHeader("Vary", "Accept-Language");
        write(response, 200, JSON, body, head);
    }

    private Object dispatch(HttpServletRequest request) {
        List<String> segments = segments(request);
        if (segments.isEmpty()) {
            throw ApiProblem.notFound("Name a resource after /api/; /api/openapi.json lists them.");
        }
        String name = segments.get(0);
        JsonRequest json = new JsonRequest(segments.subList(1, segments.size()), parameters(request),
                locale(request));
        if (name.equals(OPENAPI)) {
            if (!json.segments().isEmpty()) {
                throw ApiProblem.notFound("There is nothing below the OpenAPI document.");
            }
            return openApiDocument(request);
        }
        if (name.equals(WidgetTypesResource.NAME)) {
            return widgetTypes.get(json);
        }
        JsonResource resource = resources.get(name)
                .orElseThrow(() -> ApiProblem.notFound("There is no resource of this name; /api/openapi.json lists them."));
        return resource.get(json);
    }

    private ObjectNode openApiDocument(HttpServletRequest request) {
        CachedDocument current = cached;
        long now = generation.get();
        if (current == null || current.generation() != now) {
            current = new CachedDocument(now, openApi.assemble(resources.all()));
            cached = current;
        }
        ObjectNode document = current.document();
        String contextPath = request.getContextPath();
        if (contextPath != null && !contextPath.isEmpty()) {
            // Paths are written from /api; behind a context path (a portal's /o, say) clients need
            // the prefix to call them.
            document = document.deepCopy();
            ArrayNode servers = document.putArray("servers");
            servers.addObject().put("url", contextPath);
        }
        return document;
    }

    /**
     * The path after {@code /api/}, split on '/' and then percent-decoded, so an encoded slash
     * ({@code %2F}) stays inside its segment. A trailing slash is ignored.
     */
    private static List<String> segments(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = nullToEmpty(request.getContextPath()) + nullToEmpty(request.getServletPath());
        String rest;
        boolean encoded;
        if (uri != null && uri.startsWith(prefix)) {
            rest = uri.substring(prefix.length());
            encoded = true;
        } else {
            // The raw URI does not start with the decoded prefix (an encoded context path, say):
            // the container's decoded path info is the next best thing.
            rest = nullToEmpty(request.getPathInfo());
            encoded = false;
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.isEmpty()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>(Arrays.asList(rest.split("/", -1)));
        if (segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        if (!encoded) {
            return segments;
        }
        List<String> decoded = new ArrayList<>(segments.size());
        for (String segment : segments) {
            try {
                // URLDecoder decodes form encoding; a '+' in a path is a plus sign, not a space.
                decoded.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("The path is not correctly percent-encoded.");
            }
        }
        return decoded;
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, String[]> raw;
        try {
            raw = request.getParameterMap();
        } catch (RuntimeException e) {
            // Containers throw their own exception types for malformed query strings.
            throw ApiProblem.badRequest("The query string is not correctly encoded.");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> parameters.put(k, List.of(v)));
        }
        return parameters;
    }

    /** The caller's most preferred language from Accept-Language, else the configured default. */
    private Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return defaultLocale;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                if (range.getWeight() > 0 && !tag.startsWith("*")) {
                    Locale locale = Locale.forLanguageTag(tag.replace("-*", ""));
                    if (!locale.getLanguage().isEmpty()) {
                        return locale;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header is the caller's quirk, not a reason to fail the request.
        }
        return defaultLocale;
    }

    private void internalError(HttpServletRequest request, HttpServletResponse response, boolean head)
            throws IOException {
        // The exception's text may name tables, files or people: it goes to the log only.
        problem(request, response, 500, "Internal Server Error",
                "Something went wrong on the server. Please try again later.", head);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, boolean head) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        String instance = request.getRequestURI();
        if (instance != null) {
            body.put("instance", instance);
        }
        // Failures must not be reused: the resource may be back a moment later.
        response.setHeader("Cache-Control", "no-store");
        write(response, status, PROBLEM_JSON, mapper.writeValueAsBytes(body), head);
    }

    private void write(HttpServletResponse response, int status, String contentType, byte[] body, boolean head)
            throws IOException {
        if (response.isCommitted()) {
            logger.warn("Response already committed; cannot send status {}", status);
            return;
        }
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
