package vigil.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs {@link TextBenchmark} and prints messages/s per core side by side, with ratios to the deep path. */
public final class TextBench {
    private TextBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Options options = new OptionsBuilder()
                .include(TextBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(1).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            var score = result.getPrimaryResult();
            rows.put(name.substring(name.lastIndexOf('.') + 1),
                    new double[] {score.getScore(), score.getScoreError()});
        }
        double deep = rows.containsKey("deepPath") ? rows.get("deepPath")[0] : Double.NaN;
        System.out.println();
        System.out.printf("%-14s %16s %12s %10s%n", "path", "msgs/s per core", "± (99.9%)", "x deep");
        rows.forEach((name, r) -> System.out.printf("%-14s %,16.0f %,12.0f %10.1f%n", name, r[0], r[1], r[0] / deep));
        System.out.printf("%d short synthetic customer messages, one thread, %d x %d s measured after %d s warm-up%n",
                TextBenchmark.MESSAGES, 3, seconds, seconds);
    }
}
