package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The Liferay build of the JSON API (participation-rest-javax) on a real javax HTTP Whiteboard: the
 * embedded portal's Jetty serves that whiteboard too, at the root of its default context, so the
 * bundle Liferay runs under {@code /o/participation/api/} answers here under
 * {@code /participation/api/}, with the same answers as the embedded portal's Jakarta servlet.
 */
class JsonApiOnJavaxWhiteboardTest {

    @InjectBundleContext
    BundleContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theLiferayServletAnswersAsTheEmbeddedOneDoes() throws Exception {
        String root = endpoint();

        HttpResponse<String> liferay = get(root + "participation/api/widget-types");
        HttpResponse<String> embedded = get(root + "api/widget-types");
        assertThat(liferay.statusCode()).isEqualTo(200);
        assertThat(liferay.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(liferay.body()).contains("\"pledge\"").isEqualTo(embedded.body());

        HttpResponse<String> document = get(root + "participation/api/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\"", "/participation", "/api/widget-types");

        // The group directory's JSON, a widget bundle's resource like the pledge's.
        HttpResponse<String> groups = get(root + "participation/api/groups?age=15&for=care-leaver");
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(groups.body()).contains("\"total\"", "\"facets\"")
                .isEqualTo(get(root + "api/groups?age=15&for=care-leaver").body());
        assertThat(get(root + "participation/api/groups?age=-1").statusCode()).isEqualTo(400);

        HttpResponse<String> missing = get(root + "participation/api/no-such-thing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where the whiteboard listens: its runtime service says so, whichever API it is registered under. */
    private String endpoint() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] runtimes = context.getServiceReferences((String) null, "(osgi.http.endpoint=*)");
            if (runtimes != null) {
                for (ServiceReference<?> runtime : runtimes) {
                    Object endpoint = runtime.getProperty("osgi.http.endpoint");
                    String first = endpoint instanceof String[] all ? all[0]
                            : endpoint instanceof java.util.Collection<?> all ? String.valueOf(all.iterator().next())
                            : String.valueOf(endpoint);
                    if (first.startsWith("http")) {
                        return first.endsWith("/") ? first : first + "/";
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no HTTP whiteboard runtime announced its endpoint");
    }
}
