package dev.participation.bench.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH benchmarks with JMH's own command-line options (the pom passes short defaults),
 * then prints every throughput result as operations per second with its error and as a ratio to
 * {@link TemplateBenchmarks#baseline()} measured in the same run, and every sample-time result
 * (see {@link PledgeBenchmarks}) as its median (p0.50), p0.90 and p0.99 time per operation in
 * microseconds.
 */
public final class JmhMain {

    private static final String BASELINE = TemplateBenchmarks.class.getName() + ".baseline";

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
        double baseline = Double.NaN;
        for (RunResult r : sorted) {
            if (r.getParams().getBenchmark().equals(BASELINE)) {
                baseline = r.getPrimaryResult().getScore();
            }
        }
        System.out.println();
        System.out.println("Summary: throughput in operations per second with JMH's 99.9 % error; ratio = ops/s"
                + " divided by the baseline's ops/s in this run; 'x baseline' = how many baseline operations"
                + " take as long as one of these.");
        System.out.printf(Locale.ROOT, "%-62s %14s %22s %10s %12s%n", "benchmark", "ops/s", "error", "ratio",
                "x baseline");
        List<RunResult> sampled = new ArrayList<>();
        for (RunResult r : sorted) {
            if (r.getParams().getMode() == Mode.SampleTime) {
                sampled.add(r);
                continue;
            }
            Result<?> primary = r.getPrimaryResult();
            String name = shortName(r);
            double score = primary.getScore();
            double error = primary.getScoreError();
            boolean ratios = !Double.isNaN(baseline) && score > 0;
            System.out.printf(Locale.ROOT, "%-62s %14.1f %22s %10s %12s%n", name, score,
                    Double.isNaN(error) ? "n/a (too few samples)" : String.format(Locale.ROOT, "± %.1f", error),
                    ratios ? String.format(Locale.ROOT, "%.5f", score / baseline) : "n/a",
                    ratios ? String.format(Locale.ROOT, "%.0f", baseline / score) : "n/a");
            if (!"ops/s".equals(primary.getScoreUnit())) {
                System.out.println("  (unit " + primary.getScoreUnit() + ": annotate the class with"
                        + " @BenchmarkMode(Mode.Throughput) @OutputTimeUnit(TimeUnit.SECONDS) for ops/s)");
            }
        }
        if (!sampled.isEmpty()) {
            System.out.println();
            System.out.println("Time per operation (sample-time benchmarks): every sampled call's own time, in"
                    + " microseconds; median = p0.50 (half the calls were faster); mean with JMH's 99.9 % error;"
                    + " 'x baseline' = median divided by the baseline's mean time per operation (1 / its ops/s).");
            System.out.printf(Locale.ROOT, "%-62s %12s %12s %12s %20s %10s %12s%n", "benchmark", "median us",
                    "p0.90 us", "p0.99 us", "mean us", "samples", "x baseline");
            for (RunResult r : sampled) {
                Result<?> primary = r.getPrimaryResult();
                Statistics stats = primary.getStatistics();
                double toMicros = microsPer(primary.getScoreUnit());
                double median = stats.getPercentile(50.0) * toMicros;
                double error = primary.getScoreError() * toMicros;
                System.out.printf(Locale.ROOT, "%-62s %12.1f %12.1f %12.1f %20s %10d %12s%n", shortName(r), median,
                        stats.getPercentile(90.0) * toMicros, stats.getPercentile(99.0) * toMicros,
                        String.format(Locale.ROOT, "%.1f", primary.getScore() * toMicros)
                                + (Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± %.1f", error)),
                        stats.getN(), Double.isNaN(baseline) ? "n/a"
                                : String.format(Locale.ROOT, "%.0f", median * baseline / 1_000_000.0));
            }
        }
        if (Double.isNaN(baseline)) {
            System.out.println("The baseline did not run (include " + BASELINE + " for ratios).");
        }
    }

    /** The benchmark's name, with its parameter values when it has any (one row per value). */
    private static String shortName(RunResult r) {
        String name = r.getParams().getBenchmark().replace("dev.participation.bench.jmh.", "");
        for (String key : r.getParams().getParamsKeys()) {
            name += " " + r.getParams().getParam(key);
        }
        return name;
    }

    /** Microseconds in one unit of a time-per-operation result ("ns/op", "us/op", "ms/op", "s/op", ...). */
    private static double microsPer(String unit) {
        String time = unit.substring(0, unit.indexOf('/'));
        return switch (time) {
            case "ns" -> 1e-3;
            case "us" -> 1.0;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            case "min" -> 60e6;
            case "hr" -> 3600e6;
            case "day" -> 86400e6;
            default -> throw new IllegalArgumentException("Unknown time unit in " + unit);
        };
    }
}
