package vigil.jobs.history;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.eval.DiscardingSink;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.GeneratorSettings;
import vigil.jobs.generator.TrafficGenerator;
import vigil.operators.features.FeatureSpec;
import vigil.operators.decode.RawRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a labeled churn history from SYNTHETIC traffic: the generator's events run through the real
 * scoring job (decode, text analysis, customer state and its feature spec) in event time, and every
 * outcome event becomes a row of the features the customer had at that moment, labeled by whether
 * the outcome was a churn. The engine's default churn model is trained on such a history.
 */
public final class ChurnHistory {
    private ChurnHistory() {}

    /** What history to simulate. */
    public record Settings(int customers, int events, long days, long seed) {}

    /** Runs the simulation and writes the CSV (header: the spec's features, then churn); returns its row count. */
    public static long build(Settings settings, VigilConfig config, Path csv) throws Exception {
        FeatureSpec spec = config.featureSpec();
        List<String> names = new ArrayList<>();
        spec.features().forEach(feature -> names.add(feature.name()));
        Path parts = Files.createTempDirectory("vigil-history");
        try {
            run(settings, config, new OutcomeRowsSink(parts, names));
            return join(parts, names, csv);
        } finally {
            try (Stream<Path> files = Files.list(parts)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(parts);
        }
    }

    private static void run(Settings settings, VigilConfig config, Sink<vigil.schemas.ScoreUpdate> rows) throws Exception {
        long span = settings.days() * 86_400_000L;
        long start = System.currentTimeMillis() - span - 3_600_000L;
        TrafficGenerator generator = new TrafficGenerator(GeneratorSettings.builder().customers(settings.customers())
                .seed(settings.seed()).eventsPerSecond(settings.events() / (span / 1000.0)).startTime(start)
                .malformedFraction(0).build());
        List<RawRecord> input = new ArrayList<>(settings.events());
        for (long offset = 0; offset < settings.events(); offset++) {
            GeneratedRecord record = generator.next();
            input.add(new RawRecord(record.stream().defaultTopic(), 0, offset, record.timestamp(),
                    record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value()));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(config.parallelism);
        ScoringJob job = new ScoringJob(config);
        job.wire(env.fromCollection(input, TypeInformation.of(RawRecord.class)),
                new Outputs(rows, new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()));
        env.execute("vigil-churn-history");
    }

    private static long join(Path parts, List<String> names, Path csv) throws IOException {
        List<String> header = new ArrayList<>(names);
        header.add("churn");
        long rows = 0;
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            printer.flush();
            try (Stream<Path> files = Files.list(parts)) {
                for (Path part : files.sorted().toList()) {
                    List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
                    for (String line : lines) {
                        out.write(line);
                        out.write("\r\n");
                    }
                    rows += lines.size();
                }
            }
        }
        return rows;
    }
}
