package dev.participation.bench.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks with JMH's own command-line options (the pom passes short defaults),
 * then prints every result as operations per second with its error and as a ratio to
 * {@link TemplateBenchmarks#baseline()} measured in the same run.
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
        System.out.printf(Locale.ROOT, "%-46s %14s %22s %10s %12s%n", "benchmark", "ops/s", "error", "ratio",
                "x baseline");
        for (RunResult r : sorted) {
            Result<?> primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark().replace("dev.participation.bench.jmh.", "");
            double score = primary.getScore();
            double error = primary.getScoreError();
            boolean ratios = !Double.isNaN(baseline) && score > 0;
            System.out.printf(Locale.ROOT, "%-46s %14.1f %22s %10s %12s%n", name, score,
                    Double.isNaN(error) ? "n/a (too few samples)" : String.format(Locale.ROOT, "± %.1f", error),
                    ratios ? String.format(Locale.ROOT, "%.5f", score / baseline) : "n/a",
                    ratios ? String.format(Locale.ROOT, "%.0f", baseline / score) : "n/a");
            if (!"ops/s".equals(primary.getScoreUnit())) {
                System.out.println("  (unit " + primary.getScoreUnit() + ": run with -bm thrpt -tu s for ops/s)");
            }
        }
        if (Double.isNaN(baseline)) {
            System.out.println("The baseline did not run (include " + BASELINE + " for ratios).");
        }
    }
}
