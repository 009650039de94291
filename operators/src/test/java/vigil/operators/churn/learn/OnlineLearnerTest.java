package vigil.operators.churn.learn;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.operators.testing.Harnesses;
import vigil.operators.churn.TestModel;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.LabeledExample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OnlineLearnerTest {
    private static final long T0 = 1_700_000_000_000L;
    /** K = 100, W = 100, margin 0.01, FTRL alpha 0.5, beta 1, no regularization. */
    private static final LearnerSettings SETTINGS = new LearnerSettings(100, 100, 0.01, 0.5, 1.0, 0.0, 0.0);
    private static final List<String> FEATURES = List.of("a", "b");
    /** The truth the examples follow: P(churn) = sigmoid(3a - 3b). */
    private static final TestModel TRUE_MODEL = new TestModel("churn-test", 1, FEATURES, 3, -3, 0);
    private static final TestModel BLANK_MODEL = new TestModel("churn-test", 1, FEATURES, 0, 0, 0);

    private KeyedTwoInputStreamOperatorTestHarness<String, LabeledExample, ControlMessage, ControlMessage> harness;
    private OnlineLearner learner;
    private final Random random = new Random(7);

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void promotesACandidateThatRanksBetterAndPublishesIt() throws Exception {
        harness = open(null, BLANK_MODEL.toJson());
        feed(200, false);

        List<ControlMessage> published = output();
        assertThat(published).hasSize(1);
        ControlMessage update = published.get(0);
        assertThat(update.getType()).isEqualTo(ControlType.MODEL_UPDATE);
        assertThat(update.getIssuedBy()).isEqualTo("online-learner");
        assertThat(update.getId()).isEqualTo("online-learner:churn-test:v2");
        TestModel promoted = TestModel.fromJson(update.getPayload());
        assertThat(promoted.version()).isEqualTo(2);
        assertThat(promoted.coefficients()[0]).isGreaterThan(0.5);
        assertThat(promoted.coefficients()[1]).isLessThan(-0.5);
        assertThat(learner.metrics().accepted.getCount()).isEqualTo(1);
        assertThat(learner.metrics().rejected.getCount()).isZero();
        assertThat(learner.metrics().learned.getCount()).isEqualTo(200);
    }

    @Test
    void rejectsACandidateThatRanksWorse() throws Exception {
        harness = open(null, TRUE_MODEL.toJson());
        feed(100, true);   // the candidate learns from flipped labels
        feed(100, false);  // and is judged on true ones

        assertThat(output()).isEmpty();
        assertThat(learner.metrics().rejected.getCount()).isEqualTo(1);
        assertThat(learner.metrics().accepted.getCount()).isZero();
    }

    @Test
    void adoptsModelsPublishedByOthersIgnoresItsOwnAndRejectsUnparsableOnes() throws Exception {
        harness = open(null, null);
        feed(10, false);
        assertThat(learner.metrics().withoutModel.getCount()).isEqualTo(10);

        harness.processElement2(control(BLANK_MODEL.withCoefficients(new double[] {0, 0, 0}, 41).toJson(), "cli"), T0);
        harness.processElement2(control("{\"id\":\"broken\"", "cli"), T0);
        harness.processElement2(control(TRUE_MODEL.withCoefficients(new double[] {9, 9, 9}, 99).toJson(),
                "online-learner"), T0);
        feed(200, false);

        assertThat(learner.metrics().adopted.getCount()).isEqualTo(1);
        assertThat(learner.metrics().unparsable.getCount()).isEqualTo(1);
        assertThat(output()).singleElement().satisfies(m ->
                assertThat(TestModel.fromJson(m.getPayload()).version()).as("continues from the adopted 41").isEqualTo(42));
    }

    @Test
    void learnerStateSurvivesSnapshotAndRestoreOnRocksDb() throws Exception {
        harness = open(null, BLANK_MODEL.toJson());
        List<LabeledExample> examples = examples(200, false);
        examples.forEach(this::feed);
        String uninterrupted = output().get(0).getPayload();
        harness.close();

        harness = open(null, BLANK_MODEL.toJson(), true);
        examples.subList(0, 150).forEach(this::feed);
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();
        harness = open(snapshot, BLANK_MODEL.toJson(), true);
        examples.subList(150, 200).forEach(this::feed);

        assertThat(output()).singleElement().satisfies(m ->
                assertThat(m.getPayload()).as("the same model as without the restore").isEqualTo(uninterrupted));
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, LabeledExample, ControlMessage, ControlMessage> open(
            OperatorSubtaskState restoreFrom, String initialModel) throws Exception {
        return open(restoreFrom, initialModel, false);
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, LabeledExample, ControlMessage, ControlMessage> open(
            OperatorSubtaskState restoreFrom, String initialModel, boolean rocksDb) throws Exception {
        learner = new OnlineLearner(SETTINGS, TestModel.PARSER, initialModel);
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(learner),
                (LabeledExample e) -> OnlineLearner.KEY, (ControlMessage m) -> OnlineLearner.KEY, Types.STRING);
        return Harnesses.start(h, restoreFrom, rocksDb);
    }

    private void feed(int count, boolean flipped) throws Exception {
        for (LabeledExample e : examples(count, flipped)) {
            feed(e);
        }
    }

    private void feed(LabeledExample example) {
        try {
            harness.processElement1(new StreamRecord<>(example, example.getEventTime()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Examples following {@link #TRUE_MODEL}, or with every label flipped. */
    private List<LabeledExample> examples(int count, boolean flipped) {
        List<LabeledExample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            Map<String, Object> features = new HashMap<>(Map.of("a", a, "b", b));
            boolean churned = random.nextDouble() < TRUE_MODEL.predict(features).risk();
            int label = (churned ^ flipped) ? 1 : 0;
            out.add(LabeledExample.newBuilder().setCustomerId("C" + i).setFeatures(features).setFeaturesAsOf(T0 + i)
                    .setLabel(label).setOutcome(label == 1 ? "CHURNED" : "RETAINED").setEventTime(T0 + i).build());
        }
        return out;
    }

    private static ControlMessage control(String payload, String issuedBy) {
        return ControlMessage.newBuilder().setId("m-" + payload.hashCode()).setTimestamp(T0)
                .setType(ControlType.MODEL_UPDATE).setPayload(payload).setIssuedBy(issuedBy).build();
    }

    private List<ControlMessage> output() {
        return harness.extractOutputValues();
    }
}
