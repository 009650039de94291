package vigil.jobs.history;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds a labeled churn history from SYNTHETIC traffic: the generator's events run through the real
 * scoring job (decode, text analysis, customer state and its feature spec) in event time, and every
 * outcome event becomes a row of the features the customer had at that moment, labeled {@code Yes}
 * when the customer churns within the horizon after it ({@code No} otherwise). Rows too close to the
 * end of the simulation to know that (no churn seen, less than the horizon left) are left out. The
 * engine's default churn model is trained on such a history.
 */
public final class ChurnHistory {
    private ChurnHistory() {}

    /** What history to simulate. */
    public record Settings(int customers, int events, long days, long seed, long horizonDays) {}

    /** Runs the simulation and writes the CSV (header: the spec's features, then churn); returns its row count. */
    public static long build(Settings settings, VigilConfig config, Path csv) throws Exception {
        FeatureSpec spec = config.featureSpec();
        List<String> names = new ArrayList<>();
        spec.features().forEach(feature -> names.add(feature.name()));
        Path parts = Files.createTempDirectory("vigil-history");
        try {
            run(settings, config, new OutcomeRowsSink(parts, names));
            return join(parts, names, settings.horizonDays() * 86_400_000L, csv);
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

    private static long join(Path parts, List<String> names, long horizonMs, Path csv) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(parts)) {
            for (Path part : files.sorted().toList()) {
                try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                    rows.addAll(CSVFormat.RFC4180.parse(in).getRecords());
                }
            }
        }
        int outcome = names.size() + 2;
        Map<String, List<Long>> churns = new HashMap<>();
        long end = 0;
        for (CSVRecord row : rows) {
            long time = Long.parseLong(row.get(1));
            end = Math.max(end, time);
            if ("CHURNED".equals(row.get(outcome))) {
                churns.computeIfAbsent(row.get(0), c -> new ArrayList<>()).add(time);
            }
        }
        rows.sort(Comparator.comparingLong((CSVRecord r) -> Long.parseLong(r.get(1))).thenComparing(r -> r.get(0)));
        List<String> header = new ArrayList<>(names);
        header.add("churn");
        long written = 0;
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (CSVRecord row : rows) {
                long time = Long.parseLong(row.get(1));
                boolean churned = churns.getOrDefault(row.get(0), List.of()).stream()
                        .anyMatch(at -> at >= time && at <= time + horizonMs);
                if (!churned && time + horizonMs > end) {
                    continue; // censored: the simulation ends before we would know
                }
                List<String> values = new ArrayList<>(names.size() + 1);
                for (int i = 2; i < outcome; i++) {
                    values.add(row.get(i));
                }
                values.add(churned ? "Yes" : "No");
                printer.printRecord(values);
                written++;
            }
        }
        return written;
    }
}
