package vigil.jobs.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.eval.DiscardingSink;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.InputFeature;
import vigil.operators.churn.train.LabeledRows;
import vigil.operators.decode.RawRecord;
import vigil.schemas.streams.StreamId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Replays labeled rows through the real streaming scoring path: each row becomes one customer's
 * profile event on cx.profiles (its columns as profile attributes), the scoring job decodes it, folds
 * it into customer state, extracts features with a spec that reads those attributes, and the churn
 * operator scores it with the model under test. Returns each row's published risk.
 */
public final class ChurnReplay {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "eval-";

    private ChurnReplay() {}

    /**
     * @param model the model (for its input features)
     * @param modelLocation its snapshot directory or JSON file, as {@code churn.model} takes it
     * @return the risk of each row, in row order
     */
    public static double[] risks(ChurnModel model, Path modelLocation, LabeledRows rows, String labelCol,
                                 Path workDir) throws Exception {
        Path spec = workDir.resolve("replay-features.yaml");
        Files.writeString(spec, spec(model.features()));
        VigilConfig config = new VigilConfig();
        config.churn.featureSpec = spec.toString();
        config.churn.model = modelLocation.toString();
        config.churn.learner.enabled = false;
        config.nba.enabled = false; // risks only; the replay's generated feature spec has none of the catalog's facts
        config.churn.minDelta = 0;
        config.limits.maxFutureSkew = java.time.Duration.ofDays(36_500);
        config.checkpoints.directory = workDir.resolve("checkpoints").toUri().toString();
        Path parts = Files.createDirectories(workDir.resolve("risks"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wire(env.fromCollection(profileEvents(rows, labelCol), TypeInformation.of(RawRecord.class)),
                new Outputs(new RiskFileSink(parts), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()));
        env.execute("vigil-eval-churn");
        return collect(parts, rows.size());
    }

    static String spec(List<InputFeature> features) throws IOException {
        List<Map<String, String>> list = new ArrayList<>();
        for (InputFeature feature : features) {
            list.add(Map.of("name", feature.name(), "kind", feature.kind().toString().toLowerCase(Locale.ROOT),
                    "source", "profile.attributes." + feature.name()));
        }
        return JSON.writeValueAsString(Map.of("features", list)); // JSON is YAML
    }

    private static List<RawRecord> profileEvents(LabeledRows rows, String labelCol) throws IOException {
        long start = System.currentTimeMillis() - 86_400_000L;
        int label = rows.column(labelCol);
        List<RawRecord> events = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String customer = PREFIX + i;
            ObjectNode event = JSON.createObjectNode().put("eventId", "row-" + i).put("customerId", customer)
                    .put("timestamp", start + i);
            ObjectNode attributes = event.putObject("attributes");
            String[] cells = rows.cells().get(i);
            for (int c = 0; c < cells.length; c++) {
                if (c != label && cells[c] != null && !cells[c].isBlank()) {
                    attributes.put(rows.columns().get(c), cells[c]);
                }
            }
            events.add(new RawRecord(StreamId.PROFILES.defaultTopic(), 0, i, start + i,
                    customer.getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(event)));
        }
        return events;
    }

    private static double[] collect(Path parts, int size) throws IOException {
        Map<Integer, Double> risk = new HashMap<>();
        try (Stream<Path> files = Files.list(parts)) {
            for (Path part : files.toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t");
                    risk.put(Integer.parseInt(fields[0].substring(PREFIX.length())), Double.parseDouble(fields[1]));
                }
            }
        }
        if (risk.size() != size) {
            throw new IllegalStateException("the job scored " + risk.size() + " of " + size + " rows");
        }
        double[] out = new double[size];
        risk.forEach((row, value) -> out[row] = value);
        return out;
    }
}
