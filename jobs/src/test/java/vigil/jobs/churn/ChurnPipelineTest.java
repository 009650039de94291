package vigil.jobs.churn;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.testing.CollectingSink;
import vigil.jobs.testing.Corpus;
import vigil.operators.decode.RawRecord;
import vigil.schemas.ControlMessage;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring job on a MiniCluster with a configured initial churn model and a MODEL_UPDATE sent on
 * cx.control halfway through the traffic: every score carries a churn risk, and each customer's risk
 * switches once, from the initial model to the broadcast one, never back.
 */
class ChurnPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void aBroadcastModelReplacesTheInitialOneOnEverySubtask(@TempDir Path dir) throws Exception {
        // Given an initial model (risk 0.7) and a model update (risk 0.2) halfway through the traffic
        Path model = Files.writeString(dir.resolve("churn.json"), new ConstantModel("constant", 1, 0.7).toJson());
        VigilConfig config = new VigilConfig();
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        config.churn.model = model.toString();
        Corpus corpus = Corpus.generate(System.currentTimeMillis() - 3_600_000L, 0.0, 4_000, 0);
        List<RawRecord> input = new ArrayList<>(corpus.raw);
        input.add(input.size() / 2, modelUpdate(config, new ConstantModel("constant", 2, 0.2).toJson()));
        CollectingSink<ScoreUpdate> scores = new CollectingSink<>("churn-scores");
        CollectingSink<ControlMessage> modelUpdates = new CollectingSink<>("churn-model-updates");

        // When the job runs over it
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config, ConstantModel::fromJson);
        job.configure(env);
        job.wire(env.fromCollection(input, TypeInformation.of(RawRecord.class)), new Outputs(scores,
                new CollectingSink<Interaction>("churn-enriched"), new CollectingSink<DeadLetter>("churn-letters"),
                modelUpdates));
        env.execute("churn-pipeline-test");

        // Then every score is churn-scored, first by the initial model, then by the broadcast one
        List<ScoreUpdate> updates = scores.results();
        assertThat(updates).hasSize(corpus.valid);
        Map<String, List<Double>> risks = new HashMap<>();
        for (ScoreUpdate u : updates) {
            assertThat(u.getScore().getChurnRisk()).isNotNull();
            assertThat(u.getScore().getModelVersions()).containsEntry("churn", "constant");
            risks.computeIfAbsent(u.getCustomerId(), c -> new ArrayList<>()).add(u.getScore().getChurnRisk());
        }
        assertThat(updates).anySatisfy(u -> assertThat(u.getScore().getChurnBand()).isEqualTo("high"));
        assertThat(updates).anySatisfy(u -> assertThat(u.getScore().getChurnBand()).isEqualTo("low"));
        risks.forEach((customer, seq) -> {
            int firstSwapped = seq.indexOf(0.2);
            if (firstSwapped >= 0) {
                assertThat(seq.subList(firstSwapped, seq.size())).as(customer).containsOnly(0.2);
            }
        });
        assertThat(modelUpdates.results()).as("no outcomes carry labels in this build").isEmpty();
    }

    private static RawRecord modelUpdate(VigilConfig config, String modelJson) {
        String json = "{\"id\":\"cli-1\",\"type\":\"MODEL_UPDATE\",\"issuedBy\":\"cli\",\"timestamp\":"
                + System.currentTimeMillis() + ",\"payload\":" + quote(modelJson) + "}";
        return new RawRecord(config.topic(StreamId.CONTROL), 0, 9_999_999L, 0, null,
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
