package vigil.jobs.recovery;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.streams.StreamSystem;
import vigil.schemas.streams.StreamId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoints map state to operators by uid: every operator of the scoring job, wired with every
 * feature on (Kafka and Pulsar sources, the learner, spikes, rules, every sink), must have an explicit,
 * unique uid, and the uids README lists must stay as they are.
 */
class OperatorUidTest {
    @Test
    void everyOperatorHasAnExplicitStableUid() {
        VigilConfig config = new VigilConfig();
        config.systems.put(StreamId.SOCIAL, StreamSystem.PULSAR);
        config.systems.put(StreamId.ALERTS, StreamSystem.PULSAR);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wireKafka(env);
        StreamGraph graph = env.getStreamGraph();

        List<String> withoutUid = new ArrayList<>();
        List<String> uids = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getTransformationUID() == null) {
                withoutUid.add(node.getOperatorName() + " (node " + node.getId() + ")");
            } else {
                uids.add(node.getTransformationUID());
            }
        }
        assertThat(withoutUid).as("operators without an explicit uid").isEmpty();
        assertThat(uids).doesNotHaveDuplicates();
        Set<String> stable = Set.of("kafka-inputs", "pulsar-inputs", "decode", "event-time", "analyze", "interactions",
                "model-updates", "rule-updates", "customer-state", "churn-scoring", "online-learner",
                "complaint-signals", "source-volumes", "spike-detector", "rule-inputs-events", "rule-inputs-scores", "customer-rules");
        assertThat(new HashSet<>(uids)).containsAll(stable);
        for (String sink : List.of("dead-letters-sink", "enriched-sink", "scores-sink", "control-sink", "alerts-sink",
                "rule-status-sink")) {
            assertThat(uids).as("the operators of sink %s", sink).anySatisfy(uid -> assertThat(uid).startsWith(sink));
        }
    }
}
