package dev.participation.rest.internal.core;

import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
import dev.participation.api.json.FileAnswer;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.api.storage.Storage;

/**
 * The JSON API, whichever servlet API carries it: answers {@code GET /api/<name>/...} from the
 * {@link JsonResource} of that name, {@code /api/openapi.json} with the assembled OpenAPI document
 * and {@code /api/widget-types} from the installed widgets. Each host's servlet only copies an
 * {@link ApiRequest} in and an {@link ApiAnswer} out.
 *
 * <p>Everything it answers, failures included, is JSON (but a resource's {@link FileAnswer}, such as
 * an iCalendar feed, sent as it is): problem details (RFC 9457) rather than the
 * server's HTML error pages, because the callers are programs (other council sites, apps) that parse
 * what they get. An answer is complete before a servlet writes it, so nothing is ever handed to the
 * container's error page.
 */
@Component(service = JsonApi.class, configurationPid = JsonApi.PID)
@Designate(ocd = ApiConfiguration.class)
public final class JsonApi {

    /** Also the servlets' configuration PID, so whiteboard properties can be set in the same place. */
    public static final String PID = "dev.participation.rest";

    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    static final String ALLOW = "GET, HEAD, OPTIONS";
    static final String OPENAPI = "openapi.json";
    /** Told to callers of an unavailable API: spares the database a storm while it comes back. */
    static final String RETRY_AFTER_SECONDS = Integer.toString(Storage.RECONNECT_SECONDS);

    /** Where the document's paths start; a host serves the API at some prefix followed by this. */
    private static final String API_ROOT = "/api";

    /** Names are one URL segment; anything else could never be reached, so it is refused at bind time. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final Logger logger;
    private final WidgetTypesResource widgetTypes;
    private final ObjectMapper mapper;
    private final OpenApiDocument openApi;
    private final RankedServices<JsonResource> resources;
    private final Locale defaultLocale;
    private final String cacheControl;

    /**
     * How many platform storages are bound: one while the database can be used. Counted, not a
     * flag, because a greedy reference binds a replacement before it unbinds the one it replaces.
     */
    private final AtomicInteger platformStorages = new AtomicInteger();

    /** Bumped on every change of resources so a document assembled meanwhile is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile CachedDocument cached;

    private record CachedDocument(long generation, ObjectNode document) {
    }

    @Activate
    public JsonApi(ApiConfiguration config, @Reference WidgetTypesResource widgetTypes,
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
    public void bindJsonResource(JsonResource resource, Map<String, Object> properties) {
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

    public void unbindJsonResource(JsonResource resource) {
        resources.remove(resource);
        generation.incrementAndGet();
    }

    // The widgets' resources wait for the database, as the platform's storage does: while it is
    // away, a name with no resource may well be one of theirs, so it is not said to be gone.
    @Reference(service = Storage.class, target = "(" + Storage.SCHEMA + "=" + Storage.PLATFORM_SCHEMA + ")",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindPlatformStorage(Storage storage) {
        platformStorages.incrementAndGet();
    }

    public void unbindPlatformStorage(Storage storage) {
        platformStorages.decrementAndGet();
    }

    /** The whole answer to one request; never throws for anything a caller sends. */
    public ApiAnswer answer(ApiRequest request) {
        // Public data read by other sites' scripts: any origin may read it, answers included.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("X-Content-Type-Options", "nosniff");
        return switch (request.method()) {
            case "GET" -> get(request, headers, false);
            case "HEAD" -> get(request, headers, true);
            case "OPTIONS" -> options(headers);
            case "POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT" -> {
                headers.put("Allow", ALLOW);
                yield problem(request, headers, 405, "Method Not Allowed",
                        "This API is read-only; it answers GET, HEAD and OPTIONS.", false);
            }
            // As the rest of the site: a method HTTP does not define is not implemented anywhere here.
            default -> problem(request, headers, 501, "Not Implemented", "This API answers GET, HEAD and OPTIONS.",
                    false);
        };
    }

    private static ApiAnswer options(Map<String, String> headers) {
        // Also answers a CORS preflight; plain GETs with Accept-Language need none, but a client
        // adding other headers does.
        headers.put("Allow", ALLOW);
        headers.put("Access-Control-Allow-Methods", ALLOW);
        headers.put("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type");
        headers.put("Access-Control-Max-Age", "86400");
        return new ApiAnswer(204, headers, null, new byte[0], false);
    }

    private ApiAnswer get(ApiRequest request, Map<String, String> headers, boolean head) {
        byte[] body;
        String contentType = JSON;
        try {
            Object result = dispatch(request);
            if (result == null) {
                throw new IllegalStateException("the resource answered null for " + request.requestUri());
            }
            if (result instanceof FileAnswer file) {
                body = file.content();
                contentType = file.mediaType();
            } else {
                body = mapper.writeValueAsBytes(result);
            }
        } catch (ApiProblem p) {
            if (p.status() < 400 || p.status() > 599) {
                logger.error("A resource answered {} with status {}, which is not an error", request.requestUri(),
                        p.status(), p);
                return internalError(request, headers, head);
            }
            if (p.status() == 503) {
                headers.put("Retry-After", RETRY_AFTER_SECONDS);
            }
            String title = p.title() == null || p.title().isBlank() ? reason(p.status()) : p.title();
            return problem(request, headers, p.status(), title, p.detail(), head);
        } catch (RuntimeException | LinkageError | JsonProcessingException e) {
            // LinkageError: a resource's bundle may be stopping while it answers.
            logger.error("Answering {} failed", request.requestUri(), e);
            return internalError(request, headers, head);
        }
        headers.put("Cache-Control", cacheControl);
        // Resources may translate, so a shared cache must keep one copy per language.
        headers.put("Vary", "Accept-Language");
        return new ApiAnswer(200, headers, contentType, body, !head);
    }

    private Object dispatch(ApiRequest request) {
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
        Optional<JsonResource> resource = resources.get(name);
        if (resource.isEmpty() && platformStorages.get() <= 0) {
            throw new ApiProblem(503, "Service Unavailable",
                    "The data behind this API cannot be read just now. Try again in a few minutes.");
        }
        return resource.orElseThrow(() -> ApiProblem.notFound(
                "There is no resource of this name; /api/openapi.json lists them.")).get(json);
    }

    private ObjectNode openApiDocument(ApiRequest request) {
        CachedDocument current = cached;
        long now = generation.get();
        if (current == null || current.generation() != now) {
            current = new CachedDocument(now, openApi.assemble(resources.all()));
            cached = current;
        }
        ObjectNode document = current.document();
        String server = server(request);
        if (!server.isEmpty()) {
            // Paths are written from /api; behind a prefix (Liferay's /o/participation, say) clients
            // need it to call them.
            document = document.deepCopy();
            ArrayNode servers = document.putArray("servers");
            servers.addObject().put("url", server);
        }
        return document;
    }

    /**
     * What the host serves before the document's {@code /api} paths: {@code ""} in the embedded
     * portal, {@code /o/participation} in Liferay (whose servlet path is {@code /participation/api}).
     */
    private static String server(ApiRequest request) {
        String mount = nullToEmpty(request.contextPath()) + nullToEmpty(request.servletPath());
        return mount.endsWith(API_ROOT) ? mount.substring(0, mount.length() - API_ROOT.length())
                : nullToEmpty(request.contextPath());
    }

    /**
     * The path after the servlet path, split on '/' and then percent-decoded, so an encoded slash
     * ({@code %2F}) stays inside its segment. A trailing slash is ignored.
     */
    private static List<String> segments(ApiRequest request) {
        String uri = request.requestUri();
        String prefix = nullToEmpty(request.contextPath()) + nullToEmpty(request.servletPath());
        String rest;
        boolean encoded;
        if (uri != null && uri.startsWith(prefix)) {
            rest = uri.substring(prefix.length());
            encoded = true;
        } else {
            // The raw URI does not start with the decoded prefix (an encoded context path, say):
            // the container's decoded path info is the next best thing.
            rest = nullToEmpty(request.pathInfo());
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

    private static Map<String, List<String>> parameters(ApiRequest request) {
        Map<String, String[]> raw;
        try {
            raw = request.parameters().get();
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
    private Locale locale(ApiRequest request) {
        String header = request.headers().apply("Accept-Language");
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

    private ApiAnswer internalError(ApiRequest request, Map<String, String> headers, boolean head) {
        // The exception's text may name tables, files or people: it goes to the log only.
        return problem(request, headers, 500, "Internal Server Error",
                "Something went wrong on the server. Please try again later.", head);
    }

    private ApiAnswer problem(ApiRequest request, Map<String, String> headers, int status, String title,
            String detail, boolean head) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        String instance = request.requestUri();
        if (instance != null) {
            body.put("instance", instance);
        }
        // Failures must not be reused: the resource may be back a moment later.
        headers.put("Cache-Control", "no-store");
        try {
            return new ApiAnswer(status, headers, PROBLEM_JSON, mapper.writeValueAsBytes(body), !head);
        } catch (JsonProcessingException e) {
            // A map of strings and one number always serialises; this is a broken Jackson install.
            throw new UncheckedIOException(e);
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
