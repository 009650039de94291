package vigil.operators.nba;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.operators.testing.Harnesses;
import vigil.schemas.PropensityTable;
import vigil.schemas.ReactionCount;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.SegmentModel;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vigil.operators.nba.NbaTesting.T0;
import static vigil.operators.nba.NbaTesting.reaction;

class PropensityLearnerTest {
    private KeyedTwoInputStreamOperatorTestHarness<String, ScoreUpdate, SegmentModel, PropensityTable> harness;
    private PropensityLearner learner;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void reactionsAreCountedPerActionAndSegmentWithTheAcceptanceRate() throws Exception {
        harness = open(null);
        feed(reaction("C1", T0, "ACCEPTED", "b", "app"));
        feed(reaction("C1", T0 + 1, "SHOWN", "b", "app"));   // an impression is not a reaction
        feed(NbaTesting.update("C1", T0 + 2, 0.5));            // nor is a plain update
        assertThat(learner.acceptanceRate("b")).isEqualTo(1.0);

        // two segments on contacts.30d: around 0 and around 10 (standardized with mean 5, std 5)
        harness.processElement2(new StreamRecord<>(SegmentModel.newBuilder().setVersion(1)
                .setFeatures(List.of("contacts.30d")).setMeans(List.of(5.0)).setStds(List.of(5.0))
                .setCentroids(List.of(List.of(-1.0), List.of(1.0))).setWeights(List.of(10.0, 10.0)).build()));
        feed(withContacts(reaction("C2", T0, "REJECTED", "b", "email"), 10.0));
        feed(withContacts(reaction("C3", T0, "ACCEPTED", "b", "email"), 0.0));
        OperatorSubtaskState snapshot = harness.snapshot(1, T0);
        harness.close();

        harness = open(snapshot);
        feed(withContacts(reaction("C4", T0, "REJECTED", "b", "email"), 9.0));
        PropensityTable table = tables().get(0);
        assertThat(table.getVersion()).as("restored: the fourth reaction").isEqualTo(4);
        assertThat(table.getCounts()).extracting(ReactionCount::getActionId, ReactionCount::getSegment,
                ReactionCount::getAccepted, ReactionCount::getRejected).containsExactly(
                tuple("b", -1, 2L, 2L), tuple("b", 0, 1L, 0L), tuple("b", 1, 0L, 2L));
        assertThat(learner.acceptanceRate("b")).isEqualTo(0.5);
    }

    private static ScoreUpdate withContacts(ScoreUpdate update, double contacts) {
        return ScoreUpdate.newBuilder(update).setFeatures(Map.of("contacts.30d", contacts)).build();
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, ScoreUpdate, SegmentModel, PropensityTable> open(
            OperatorSubtaskState restoreFrom) throws Exception {
        learner = new PropensityLearner();
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(learner),
                u -> PropensityLearner.KEY, m -> PropensityLearner.KEY, Types.STRING);
        return Harnesses.start(h, restoreFrom, true);
    }

    private void feed(ScoreUpdate update) throws Exception {
        harness.processElement1(new StreamRecord<>(update, update.getEventTime()));
    }

    private List<PropensityTable> tables() {
        return harness.extractOutputValues();
    }
}
