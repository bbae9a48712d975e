package dev.participation.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A path ending in {@value #MARKER} (for example {@code /pledge?~}) is loaded with a fresh random
 * query string on every request ({@code /pledge?r=<never the same twice>}), as a crawler, a tracking tag or
 * someone trying to defeat the public page copies would send. The report keeps the marked path as
 * its label, so it reads beside the same page without a query.
 */
final class RandomQuery {

    static final String MARKER = "?~";

    private RandomQuery() {
    }

    static boolean wanted(String url) {
        return url.endsWith(MARKER);
    }

    private static String base(String url) {
        return url.substring(0, url.length() - MARKER.length());
    }

    /** A wrk {@code request()} function sending the page with a new query each time; empty if not wanted. */
    static String lua(String url) {
        if (!wanted(url)) {
            return "";
        }
        String path = URI.create(base(url)).getRawPath();
        return """
                -- Each wrk thread has its own Lua state: a table's address tells them apart, a counter
                -- tells one thread's requests apart, so no query is ever sent twice.
                local thread_id = (tostring({}):gsub("%%W", ""))
                local sent = 0
                function request()
                  sent = sent + 1
                  return wrk.format(nil, "%s?r=" .. thread_id .. "-" .. sent)
                end
                """.formatted(path.isEmpty() ? "/" : path);
    }

    /** The address wrk is given: the page itself, the script adds the query. */
    static String target(String url) {
        return wanted(url) ? base(url) : url;
    }

    /** The request to send next: the same one, or the page with a new random query. */
    static HttpRequest next(HttpRequest request, String url) {
        if (!wanted(url)) {
            return request;
        }
        long r = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        return HttpRequest.newBuilder(URI.create(base(url) + "?r=" + r)).timeout(Duration.ofSeconds(10)).GET().build();
    }
}
