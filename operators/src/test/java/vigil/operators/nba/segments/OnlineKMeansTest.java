package vigil.operators.nba.segments;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import vigil.operators.nba.NbaSettings;
import vigil.operators.nba.NbaTesting;
import vigil.operators.testing.Harnesses;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.SegmentLearnerState;
import vigil.schemas.SegmentModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnlineKMeansTest {
    private static final List<String> FEATURES = List.of("contacts.30d", "negative.30d");

    @Test
    void miniBatchesFindTwoGroupsAndTheDecayedWeightsFollowOnlineKMeans() {
        OnlineKMeans kMeans = new OnlineKMeans(2, 0.5, FEATURES, 7);
        SegmentLearnerState state = SegmentLearnerState.newBuilder().setModel(null).setCount(0)
                .setSums(new ArrayList<>()).setSquares(new ArrayList<>()).build();
        Random random = new Random(1);
        SegmentModel model = kMeans.learn(state, batch(random, 50, 50));
        assertThat(model.getVersion()).isEqualTo(1);
        assertThat(model.getWeights()).containsExactlyInAnyOrder(50.0, 50.0);
        Segments segments = new Segments(model);
        int quiet = segments.assign(Map.of("contacts.30d", 1.0, "negative.30d", 0.0));
        int loud = segments.assign(Map.of("contacts.30d", 12.0, "negative.30d", 8.0));
        assertThat(quiet).isNotEqualTo(loud);
        assertThat(segments.assign(Map.of())).as("missing features: the mean, between them").isBetween(0, 1);

        model = kMeans.learn(state, batch(random, 10, 30));
        assertThat(model.getVersion()).isEqualTo(2);
        assertThat(model.getPoints()).isEqualTo(140);
        assertThat(model.getWeights().get(quiet)).as("50 x 0.5 + 10").isCloseTo(35.0, within(1e-9));
        assertThat(model.getWeights().get(loud)).as("50 x 0.5 + 30").isCloseTo(55.0, within(1e-9));
        assertThat(new Segments(model).assign(Map.of("contacts.30d", 12.0, "negative.30d", 8.0))).isEqualTo(loud);
    }

    @Test
    void segmentPointsAreTheSegmentFeaturesInOrderAndTombstonesGiveNone() throws Exception {
        SegmentPoints points = new SegmentPoints(NbaTesting.settings(NbaTesting.CATALOG).segments());
        List<double[]> out = new ArrayList<>();
        points.flatMap(NbaTesting.update("C1", 1, 0.1, Map.of("negative.30d", 3.0, "contacts.30d", 5.0, "other", 9.0)),
                new org.apache.flink.api.common.functions.util.ListCollector<>(out));
        ScoreUpdate tombstone = NbaTesting.update("C2", 2, 0.1, Map.of("contacts.30d", 1.0));
        tombstone.setScore(null);
        points.flatMap(tombstone, new org.apache.flink.api.common.functions.util.ListCollector<>(out));
        assertThat(out).singleElement().satisfies(p -> assertThat(p).containsExactly(5.0, 3.0));
    }

    @Test
    void theLearnerEmitsAModelPerFullBatchAndKeepsAHalfBatchAcrossRestore() throws Exception {
        NbaSettings.SegmentSettings settings = NbaTesting.settings(NbaTesting.CATALOG).segments(); // k 2, batch 4
        var harness = open(settings, null);
        feed(harness, 1, 1.0, 0.0);
        feed(harness, 2, 2.0, 0.0);
        OperatorSubtaskState snapshot = harness.snapshot(1, 0);
        harness.close();

        harness = open(settings, snapshot);
        feed(harness, 3, 20.0, 9.0);
        assertThat(harness.extractOutputValues()).isEmpty();
        feed(harness, 4, 21.0, 8.0);
        List<SegmentModel> models = harness.extractOutputValues();
        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.getPoints()).as("the two points from before the restore count").isEqualTo(4);
            assertThat(m.getFeatures()).containsExactly("contacts.30d", "negative.30d");
            assertThat(m.getCentroids()).hasSize(2);
        });
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, double[], SegmentModel> open(
            NbaSettings.SegmentSettings settings, OperatorSubtaskState restoreFrom) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SegmentLearner(settings)),
                u -> SegmentLearner.KEY, Types.STRING);
        return Harnesses.start(h, restoreFrom, true);
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, double[], SegmentModel> harness,
                             long t, double contacts, double negative) throws Exception {
        SegmentPoints points = new SegmentPoints(NbaTesting.settings(NbaTesting.CATALOG).segments());
        List<double[]> out = new ArrayList<>();
        points.flatMap(NbaTesting.update("C" + t, t, 0.1, Map.of("contacts.30d", contacts, "negative.30d", negative)),
                new org.apache.flink.api.common.functions.util.ListCollector<>(out));
        harness.processElement(new StreamRecord<>(out.get(0), t));
    }

    /** quiet customers around (1, 0), loud ones around (12, 8). */
    private static List<double[]> batch(Random random, int quiet, int loud) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < quiet; i++) {
            points.add(new double[] {1 + random.nextGaussian() * 0.5, random.nextDouble() * 0.3});
        }
        for (int i = 0; i < loud; i++) {
            points.add(new double[] {12 + random.nextGaussian(), 8 + random.nextGaussian()});
        }
        Collections.shuffle(points, random);
        return points;
    }
}
