package vigil.jobs.rules;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.testing.RawRecords;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.testing.CollectingSink;
import vigil.operators.decode.RawRecord;
import vigil.schemas.Alert;
import vigil.schemas.ControlMessage;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.RuleStatus;
import vigil.schemas.ScoreUpdate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring job on a MiniCluster (parallelism 2) with an initial rule and rule messages on
 * cx.control: the rule alerts for the customer who said the phrase, on the alerts output next to the
 * spike detector's; each rule message gets exactly one status, accepted or rejected with its reason;
 * rule messages never reach customer state.
 */
class RulesPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final long T = System.currentTimeMillis() - 3_600_000L;

    @Test
    void anInitialRuleAlertsAndRuleMessagesGetOneStatusEach(@TempDir Path dir) throws Exception {
        // Given a rule on the customer's words, and two rule messages, one of them invalid
        Path rules = Files.writeString(dir.resolve("rules.json"), "[{\"id\":\"wants-to-cancel\",\"name\":\"Wants to cancel\","
                + "\"severity\":\"HIGH\",\"when\":{\"type\":\"phrase\",\"phrases\":[\"cancel my contract\"],\"by\":\"CUSTOMER\"}}]");
        VigilConfig config = new VigilConfig();
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        config.rules.initialRules = rules.toString();
        List<RawRecord> input = new ArrayList<>();
        input.add(RawRecords.control(config, T, 0, "RULE_UPSERT", "{\"id\":\"risk\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":0.9}}"));
        input.add(RawRecords.control(config, T, 1, "RULE_UPSERT", "{\"id\":\"bad\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":9}}"));
        input.add(RawRecords.segment(config, T, 2, "C1", "k1", "Hello, I need to cancel my contract today"));
        input.add(RawRecords.segment(config, T, 3, "C2", "k2", "Hello, I need help with my router"));
        CollectingSink<Alert> alerts = new CollectingSink<>("rules-alerts");
        CollectingSink<RuleStatus> statuses = new CollectingSink<>("rules-status");
        CollectingSink<ScoreUpdate> scores = new CollectingSink<>("rules-scores");

        // When the job runs over it
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wire(env.fromCollection(input, TypeInformation.of(RawRecord.class)),
                new Outputs(scores, new CollectingSink<Interaction>("rules-enriched"),
                        new CollectingSink<DeadLetter>("rules-letters"), new CollectingSink<ControlMessage>("rules-models"),
                        alerts).withRuleStatus(statuses));
        env.execute("rules-pipeline-test");

        // Then
        assertThat(alerts.results()).singleElement().satisfies(a -> {
            assertThat(a.getDetector()).isEqualTo("wants-to-cancel");
            assertThat(a.getCustomerId()).isEqualTo("C1");
            assertThat(a.getAlertId()).isEqualTo("rule:wants-to-cancel:C1:" + (T + 2));
            assertThat(a.getReason()).startsWith("Wants to cancel: CUSTOMER said \"cancel my contract\"");
            assertThat(a.getEvidence()).singleElement().asString().startsWith("CALL e2 at 2 s: ");
        });
        assertThat(statuses.results()).hasSize(2).anySatisfy(s -> {
            assertThat(s.getRuleId()).isEqualTo("risk");
            assertThat(s.getAccepted()).isTrue();
        }).anySatisfy(s -> {
            assertThat(s.getRuleId()).isEqualTo("bad");
            assertThat(s.getAccepted()).isFalse();
            assertThat(s.getReason()).contains("'threshold'").contains("between 0 and 1");
        });
        assertThat(scores.results()).extracting(ScoreUpdate::getCustomerId).containsOnly("C1", "C2");
    }
}
