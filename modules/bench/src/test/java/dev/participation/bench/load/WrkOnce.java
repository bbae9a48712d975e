package dev.participation.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends a list of prepared requests through wrk, each exactly once, and reads wrk's figures. wrk
 * is a separate process written in C, so the client takes far less of the machine than a Java
 * client would from the portal it is measuring. With one connection per wrk thread, each thread
 * sends its share one after another and stops after its last answer; wrk itself waits out its whole
 * duration, so once every thread has said it is done, it is interrupted, which ends it at once with
 * its figures.
 */
final class WrkOnce {

    /** One request to send: a POST of a form, as one person's browser would. */
    record Prepared(String path, String cookie, String forwardedFor, String body) {
    }

    /** What wrk saw: answers, time, latency percentiles, and answers other than the expected status. */
    record Sent(long answers, double seconds, long p50Micros, long p99Micros, long maxMicros, long unexpected,
            String firstUnexpected) {
    }

    private static final String SCRIPT = """
            local count = 0
            local threads = {}
            function setup(thread)
              thread:set("id", count)
              table.insert(threads, thread)
              count = count + 1
            end
            function init(args)
              local all = tonumber(args[2])
              expected = tonumber(args[3])
              queue = {}
              local i = 0
              for line in io.lines(args[1]) do
                if i % all == id then
                  local path, cookie, forwarded, body = line:match("^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$")
                  queue[#queue + 1] = wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded",
                    ["Cookie"] = cookie, ["X-Forwarded-For"] = forwarded}, body)
                end
                i = i + 1
              end
              answered = 0
              unexpected = 0
              first = ""
              after = wrk.format("GET", "/bench/trivial")
            end
            -- The next request is the one after the last answered: wrk may ask more than once for one send.
            function request()
              if answered < #queue then
                return queue[answered + 1]
              end
              return after
            end
            function response(status, headers, body)
              answered = answered + 1
              if status ~= expected then
                unexpected = unexpected + 1
                if first == "" then
                  first = status .. " " .. string.sub(string.gsub(body or "", "%s+", " "), 1, 300)
                end
              end
              if answered == #queue then
                io.stdout:write("RUSH-THREAD-DONE\\n")
                io.stdout:flush()
                wrk.thread:stop()
              end
            end
            function done(summary, latency, requests)
              local bad = 0
              local firstBad = ""
              for _, t in ipairs(threads) do
                bad = bad + t:get("unexpected")
                if firstBad == "" then
                  firstBad = t:get("first")
                end
              end
              io.write(string.format("RUSH answers=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d unexpected=%d first=[%s]\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max, bad,
                firstBad))
            end
            """;
    private static final Pattern LINE = Pattern.compile("RUSH answers=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
            + "p99_us=(\\d+) max_us=(\\d+) unexpected=(\\d+) first=\\[(.*)]");

    private WrkOnce() {
    }

    /**
     * Sends every request once over {@code connections} connections and waits for every answer.
     *
     * @param expectedStatus the status every answer should have; others are counted and the first kept
     */
    static Sent send(Path wrk, String base, List<Prepared> requests, int connections, int expectedStatus)
            throws Exception {
        Path script = Files.createTempFile("rush-", ".lua");
        Path data = Files.createTempFile("rush-", ".tsv");
        try {
            Files.writeString(script, SCRIPT);
            Files.write(data, requests.stream().map(r -> String.join("\t", r.path(), r.cookie(), r.forwardedFor(),
                    r.body())).collect(Collectors.toList()), StandardCharsets.UTF_8);
            List<String> command = List.of(wrk.toString(), "-t", Integer.toString(connections), "-c",
                    Integer.toString(connections), "-d", "600s", "--timeout", "30s", "--latency", "-s",
                    script.toString(), base, "--", data.toString(), Integer.toString(connections),
                    Integer.toString(expectedStatus));
            int[] done = {0};
            String output = HttpBench.WrkClient.runToEnd(command, 60, (p, line) -> {
                if (Boolean.getBoolean("bench.verbose")) {
                    System.out.println("  wrk: " + line);
                }
                if (line.equals("RUSH-THREAD-DONE") && ++done[0] == connections) {
                    // SIGINT: wrk stops sleeping, joins its threads and prints its summary.
                    try {
                        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                    } catch (IOException e) {
                        throw new IllegalStateException("Could not stop wrk", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while stopping wrk", e);
                    }
                }
            });
            Matcher m = LINE.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("wrk printed no summary: " + output);
            }
            return new Sent(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), m.group(7));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(data);
        }
    }
}
