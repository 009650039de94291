package vigil.jobs.nba;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.testing.RawRecords;
import vigil.jobs.testing.CollectingSink;
import vigil.operators.decode.RawRecord;
import vigil.schemas.ActionChange;
import vigil.schemas.CatalogStatus;
import vigil.schemas.ControlMessage;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.RecommendedAction;
import vigil.schemas.ScoreUpdate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring job on a MiniCluster (parallelism 2) with a configured catalog and two CATALOG_REPLACE
 * messages on cx.control, one invalid: each gets exactly one status; every score carries actions of
 * the catalogs with reasons; top-action changes reach their output; catalog messages never reach
 * customer state (no dead letters, no score for the catalog key).
 */
class NbaPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final long T = System.currentTimeMillis() - 3_600_000L;

    @Test
    void catalogMessagesGetOneStatusEachAndScoresCarryActionsWithReasons() throws Exception {
        String catalog1 = """
                {"version": "job-1", "actions": [
                  {"id": "billing-credit", "name": "Billing credit", "channels": ["email"], "value": 10,
                   "applicability": {"fact": "openProblems", "op": "contains", "value": "billing"},
                   "context": [{"when": {"fact": "negative.30d", "op": ">=", "value": 1}, "weight": 2, "reason": "unhappy about {openProblems}"}]},
                  {"id": "no-action", "name": "No action", "value": 1, "prior": {"accepted": 1, "rejected": 1}}]}
                """;
        Path catalog = Files.writeString(Checkpoints.directory().resolve("catalog.json"), catalog1);
        VigilConfig config = new VigilConfig();
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        config.nba.catalog = catalog.toString();
        List<RawRecord> input = new ArrayList<>();
        // The replacement keeps billing-credit: whether a score meets job-1 or job-2 depends on when the
        // broadcast catalog reaches each subtask, so the reason check below must hold under both.
        String credit = catalog1.substring(catalog1.indexOf("{\"id\": \"billing-credit\""), catalog1.indexOf(",\n  {\"id\": \"no-action\"")).replace("\n", " ");
        input.add(RawRecords.control(config, T, 0, "CATALOG_REPLACE", "{\"version\": \"job-2\", \"actions\": [" + credit
                + ", {\"id\": \"call-back\", \"name\": \"Call back\", \"channels\": [\"call\"]}]}"));
        input.add(RawRecords.control(config, T, 1, "CATALOG_REPLACE", "{\"version\": \"job-3\", \"actions\": [{\"id\": \"x\", \"name\": \"X\", \"eligibility\": {\"fact\": \"tenureMonths\", \"op\": \"in\", \"value\": [1]}}]}"));
        for (int i = 0; i < 20; i++) {
            input.add(RawRecords.segment(config, T, 2 + i, "C" + (i % 5), "k" + i, "I was charged twice on my bill, this is terrible"));
        }
        CollectingSink<ScoreUpdate> scores = new CollectingSink<>("nba-scores");
        CollectingSink<ActionChange> changes = new CollectingSink<>("nba-changes");
        CollectingSink<CatalogStatus> statuses = new CollectingSink<>("nba-status");
        CollectingSink<DeadLetter> letters = new CollectingSink<>("nba-letters");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wire(env.fromCollection(input, TypeInformation.of(RawRecord.class)),
                new Outputs(scores, new CollectingSink<Interaction>("nba-enriched"), letters,
                        new CollectingSink<ControlMessage>("nba-models")).withActions(changes, statuses));
        env.execute("nba-pipeline-test");

        assertThat(statuses.results()).hasSize(2).anySatisfy(s -> {
            assertThat(s.getMessageId()).isEqualTo("m0");
            assertThat(s.getAccepted()).isTrue();
            assertThat(s.getCatalogVersion()).isEqualTo("job-2");
        }).anySatisfy(s -> {
            assertThat(s.getMessageId()).isEqualTo("m1");
            assertThat(s.getAccepted()).isFalse();
            assertThat(s.getReason()).contains("actions[0].eligibility.op: 'in' is not an operator of tenureMonths (number)");
        });
        assertThat(letters.results()).isEmpty();
        List<ScoreUpdate> updates = scores.results();
        assertThat(updates).hasSize(20).extracting(ScoreUpdate::getCustomerId).containsOnly("C0", "C1", "C2", "C3", "C4");
        assertThat(updates).allSatisfy(u -> assertThat(u.getScore().getActions()).isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.getActionId()).isIn("billing-credit", "no-action", "call-back");
                    assertThat(a.getReason()).contains("priority");
                }));
        List<RecommendedAction> credits = new ArrayList<>();
        updates.forEach(u -> u.getScore().getActions().stream()
                .filter(a -> a.getActionId().equals("billing-credit")).forEach(credits::add));
        assertThat(credits).as("the configured catalog's action, with its context reason")
                .anySatisfy(a -> assertThat(a.getReason()).startsWith("unhappy about billing | priority"));
        assertThat(changes.results()).extracting(ActionChange::getCustomerId).contains("C0", "C1", "C2", "C3", "C4");
    }
}
