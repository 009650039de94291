package vigil.operators.churn.stream;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.operators.testing.Harnesses;
import vigil.operators.churn.RiskBands;
import vigil.operators.churn.TestModel;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.CustomerScore;
import vigil.schemas.LabeledExample;
import vigil.schemas.ScoreUpdate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChurnScoringFunctionTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long DAY = 86_400_000L;
    private static final ChurnSettings SETTINGS =
            new ChurnSettings(new RiskBands(0.3, 0.6), 0.02, 3, 4, 30 * DAY, 90 * DAY);
    /** risk = sigmoid(a): a = 0 gives 0.5. */
    private static final TestModel MODEL_V1 = new TestModel("churn-test", 1, List.of("a"), 1.0, 0.0);

    private KeyedBroadcastOperatorTestHarness<String, ScoreUpdate, ControlMessage, ScoreUpdate> harness;
    private ChurnScoringFunction function;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void publishedRiskMovesOnlyByMoreThanMinDeltaOrOnABandChange() throws Exception {
        harness = open(null, false, MODEL_V1.toJson());
        feed(update("C1", T0, Map.of("a", 0.0)));
        feed(update("C1", T0 + 1, Map.of("a", 0.04)));   // 0.510: within 0.02 of 0.5
        feed(update("C1", T0 + 2, Map.of("a", 0.12)));   // 0.530: moved by 0.03
        feed(update("C1", T0 + 3, Map.of("a", 0.3847))); // 0.595: moved by 0.065
        feed(update("C1", T0 + 4, Map.of("a", 0.4262))); // 0.605: moved by 0.01 but into the high band

        List<CustomerScore> scores = scores();
        assertThat(scores.get(0).getChurnRisk()).isCloseTo(0.5, within(1e-9));
        assertThat(scores.get(1).getChurnRisk()).as("carries the last published risk").isCloseTo(0.5, within(1e-9));
        assertThat(scores.get(2).getChurnRisk()).isCloseTo(0.52996, within(1e-4));
        assertThat(scores.get(3).getChurnRisk()).isCloseTo(0.595, within(1e-4));
        assertThat(scores.get(3).getChurnBand()).isEqualTo("medium");
        assertThat(scores.get(4).getChurnRisk()).isCloseTo(0.605, within(1e-4));
        assertThat(scores.get(4).getChurnBand()).isEqualTo("high");
        assertThat(function.metrics().scored.getCount()).isEqualTo(5);
        assertThat(function.metrics().published.getCount()).isEqualTo(4);
    }

    @Test
    void scoreMetricsRecordLatencyRiskAndBands() throws Exception {
        harness = open(null, false, MODEL_V1.toJson());
        harness.setProcessingTime(T0 + 2_000);
        feed(update("LOW", T0, Map.of("a", -2.0)));          // 0.12, 2 s after its event
        feed(update("MID", T0 + 500, Map.of("a", 0.0)));     // 0.5, 1.5 s
        feed(update("HIGH", T0 + 1_000, Map.of("a", 2.0)));  // 0.88, 1 s
        feed(update("HIGH", T0 + 1_000, Map.of("a", 2.01))); // still high, published risk unchanged

        var metrics = function.metrics().scores;
        assertThat(metrics.latencyMs().getCount()).isEqualTo(4);
        assertThat(metrics.latencyMs().getStatistics().getMax()).isEqualTo(2_000);
        assertThat(metrics.latencyMs().getStatistics().getMin()).isEqualTo(1_000);
        assertThat(metrics.riskPercent().getStatistics().getMin()).isEqualTo(12);
        assertThat(metrics.riskPercent().getStatistics().getMax()).isEqualTo(88);
        assertThat(metrics.scores("low")).isEqualTo(1);
        assertThat(metrics.scores("medium")).isEqualTo(1);
        assertThat(metrics.scores("high")).as("every update out, published or carried").isEqualTo(2);
    }

    @Test
    void withoutAModelOnlyTheLatencyIsRecorded() throws Exception {
        harness = open(null, false, null);
        harness.setProcessingTime(T0 + 300);
        feed(update("C1", T0, Map.of("a", 0.0)));

        var metrics = function.metrics().scores;
        assertThat(metrics.latencyMs().getStatistics().getMax()).isEqualTo(300);
        assertThat(metrics.riskPercent().getCount()).isZero();
        assertThat(metrics.scores("low") + metrics.scores("medium") + metrics.scores("high")).isZero();
    }

    @Test
    void bandsFollowTheConfiguredThresholds() throws Exception {
        harness = open(null, false, MODEL_V1.toJson());
        feed(update("LOW", T0, Map.of("a", -2.0)));     // 0.12
        feed(update("MID", T0, Map.of("a", 0.0)));      // 0.5
        feed(update("HIGH", T0, Map.of("a", 2.0)));     // 0.88
        feed(update("EDGE", T0, Map.of("a", Math.log(0.3 / 0.7) + 1e-9))); // just at 0.3

        assertThat(scores()).extracting(CustomerScore::getChurnBand).containsExactly("low", "medium", "high", "medium");
    }

    @Test
    void publishesTheTopThreeReasonCodesAndTheModelId() throws Exception {
        TestModel model = new TestModel("churn-test", 7, List.of("a", "b", "c", "d"), 0.1, 0.4, 0.3, 0.2, -1);
        harness = open(null, false, model.toJson());
        Map<String, Object> features = new HashMap<>(Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0));
        features.put("e", "ignored");
        feed(update("C1", T0, features));

        CustomerScore score = scores().get(0);
        assertThat(score.getReasons()).containsExactly("b=1.0", "c=1.0", "d=1.0");
        assertThat(score.getModelVersions()).containsEntry("churn", "churn-test");
        assertThat(score.getChurnRisk()).isCloseTo(1 / (1 + Math.exp(0)), within(1e-9));
    }

    @Test
    void withoutAModelUpdatesPassThroughUnchanged() throws Exception {
        harness = open(null, false, null);
        ScoreUpdate in = update("C1", T0, Map.of("a", 1.0));
        feed(in);

        assertThat(updates()).containsExactly(in);
        assertThat(updates().get(0).getScore().getChurnRisk()).isNull();
    }

    @Test
    void aBroadcastModelIsSwappedInAndChangesTheScores() throws Exception {
        harness = open(null, false, null);
        feed(update("C1", T0, Map.of("a", 1.0)));
        harness.processBroadcastElement(modelUpdate(MODEL_V1.toJson()), T0);
        feed(update("C1", T0 + 1, Map.of("a", 1.0)));
        harness.processBroadcastElement(modelUpdate(MODEL_V1.withCoefficients(new double[] {-1, 0}, 2).toJson()), T0);
        feed(update("C1", T0 + 2, Map.of("a", 1.0)));

        List<CustomerScore> scores = scores();
        assertThat(scores.get(0).getChurnRisk()).as("no model yet").isNull();
        assertThat(scores.get(1).getChurnRisk()).isCloseTo(0.731, within(1e-3));
        assertThat(scores.get(2).getChurnRisk()).as("the new model publishes at once").isCloseTo(0.269, within(1e-3));
        assertThat(scores.get(2).getChurnBand()).isEqualTo("low");
        assertThat(function.metrics().swaps.getCount()).isEqualTo(2);
        assertThat(harness.getBroadcastState(ChurnStateDescriptors.MODELS).get("churn")).contains("\"version\":2");
    }

    @Test
    void aModelThatDoesNotParseIsRejectedAndTheOldOneStays() throws Exception {
        harness = open(null, false, null);
        harness.processBroadcastElement(modelUpdate(MODEL_V1.toJson()), T0);
        harness.processBroadcastElement(modelUpdate("{\"id\": \"broken\", \"coefficients\": [1, "), T0);
        harness.processBroadcastElement(modelUpdate("{\"id\":\"x\",\"version\":3,\"features\":[\"a\"],\"coefficients\":[1]}"), T0);
        feed(update("C1", T0, Map.of("a", 1.0)));

        assertThat(function.metrics().rejected.getCount()).isEqualTo(2);
        assertThat(function.metrics().swaps.getCount()).isEqualTo(1);
        assertThat(scores().get(0).getChurnRisk()).isCloseTo(0.731, within(1e-3));
        assertThat(scores().get(0).getModelVersions()).containsEntry("churn", "churn-test");
    }

    @Test
    void outcomesAreJoinedWithTheFeaturesAsOfTheirTimeNeverLaterOnes() throws Exception {
        harness = open(null, false, MODEL_V1.toJson());
        feed(update("C1", T0 + 100, Map.of("a", 1.0)));
        feed(update("C1", T0 + 300, Map.of("a", 5.0)));          // later than the outcome, arrives first
        feed(outcome("C1", T0 + 200, T0 + 300, "CHURNED", Map.of("a", 6.0)));
        feed(outcome("C2", T0 + 200, T0 + 200, "RETAINED", Map.of("a", 1.0))); // nothing earlier known
        feed(outcome("C1", T0 + 400, T0 + 400, "RETAINED", Map.of("a", 7.0)));

        List<LabeledExample> examples = examples();
        assertThat(examples).hasSize(2);
        LabeledExample first = examples.get(0);
        assertThat(first.getCustomerId()).isEqualTo("C1");
        assertThat(first.getFeatures()).containsEntry("a", 1.0);
        assertThat(first.getFeaturesAsOf()).isEqualTo(T0 + 100);
        assertThat(first.getLabel()).isEqualTo(1);
        assertThat(first.getEventTime()).isEqualTo(T0 + 200);
        assertThat(examples.get(1).getFeatures()).as("the newest snapshot before, not the outcome's own")
                .containsEntry("a", 6.0);
        assertThat(examples.get(1).getLabel()).isZero();
        assertThat(function.metrics().unlabeled.getCount()).isEqualTo(1);
    }

    @Test
    void historyIsBoundedAndExpiresWithItsTimer() throws Exception {
        harness = open(null, false, MODEL_V1.toJson());
        for (int i = 1; i <= 6; i++) {
            feed(update("C1", T0 + i, Map.of("a", (double) i)));
        }
        feed(outcome("C1", T0 + 2, T0 + 6, "CHURNED", Map.of("a", 9.0)));
        assertThat(examples()).as("only the 4 newest snapshots are kept").isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        long expired = T0 + 6 + 30 * DAY + LabelJoin.granularity(30 * DAY); // the timer is rounded up to a day
        harness.processWatermark(expired);
        harness.processBroadcastWatermark(expired); // event time is the lower of both inputs

        assertThat(keys("churn-label-history")).isZero();
        assertThat(keys("churn-history-expiry")).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        feed(outcome("C1", T0 + 5, T0 + 30 * DAY, "CHURNED", Map.of("a", 9.0)));
        assertThat(examples()).isEmpty();
    }

    @Test
    void aTombstoneClearsEveryPieceOfStateAndPassesThrough() throws Exception {
        harness = open(null, false, MODEL_V1.toJson());
        feed(update("C1", T0, Map.of("a", 1.0)));
        feed(update("C2", T0, Map.of("a", 1.0)));
        assertThat(keys("churn-published")).isEqualTo(2);

        ScoreUpdate tombstone = ScoreUpdate.newBuilder().setCustomerId("C1").setScore(null).setEventTime(T0 + 1).build();
        feed(tombstone);
        assertThat(updates().get(updates().size() - 1)).isEqualTo(tombstone);
        assertThat(keys("churn-published")).isEqualTo(1);
        feed(ScoreUpdate.newBuilder().setCustomerId("C2").setScore(null).setEventTime(T0 + 1).build());

        assertThat(keys("churn-published")).isZero();
        assertThat(keys("churn-label-history")).isZero();
        assertThat(keys("churn-history-expiry")).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        feed(outcome("C1", T0 + 2, T0 + 2, "CHURNED", Map.of("a", 1.0)));
        assertThat(examples()).as("erased features are never joined").isEmpty();
    }

    @Test
    void publishedRiskHistoryAndBroadcastModelSurviveSnapshotAndRestoreOnRocksDb() throws Exception {
        harness = open(null, true, null);
        harness.processBroadcastElement(modelUpdate(MODEL_V1.toJson()), T0);
        feed(update("C1", T0, Map.of("a", 0.0)));
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = open(snapshot, true, null);
        feed(update("C1", T0 + 1, Map.of("a", 0.04)));
        feed(outcome("C1", T0 + 2, T0 + 2, "CHURNED", Map.of("a", 3.0)));

        CustomerScore score = scores().get(0);
        assertThat(score.getChurnRisk()).as("model restored, last published risk restored").isCloseTo(0.5, within(1e-9));
        assertThat(score.getModelVersions()).containsEntry("churn", "churn-test");
        assertThat(examples()).singleElement().satisfies(e -> assertThat(e.getFeatures()).containsEntry("a", 0.04));
        assertThat(keys("churn-published")).isEqualTo(1);
        feed(ScoreUpdate.newBuilder().setCustomerId("C1").setScore(null).setEventTime(T0 + 3).build());
        assertThat(keys("churn-published")).isZero();
        assertThat(keys("churn-label-history")).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private KeyedBroadcastOperatorTestHarness<String, ScoreUpdate, ControlMessage, ScoreUpdate> open(
            OperatorSubtaskState restoreFrom, boolean rocksDb, String initialModel) throws Exception {
        function = new ChurnScoringFunction(SETTINGS, TestModel.PARSER, initialModel);
        var h = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of(ChurnStateDescriptors.MODELS)),
                ScoreUpdate::getCustomerId, Types.STRING, 128, 1, 0);
        return Harnesses.start(h, restoreFrom, rocksDb);
    }

    private long keys(String state) {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    static ScoreUpdate update(String customer, long time, Map<String, Object> features) {
        return outcome(customer, time, time, null, features);
    }

    static ScoreUpdate outcome(String customer, long time, long asOf, String outcome, Map<String, Object> features) {
        CustomerScore score = CustomerScore.newBuilder().setCustomerId(customer).setUpdatedAt(asOf).build();
        return ScoreUpdate.newBuilder().setCustomerId(customer).setScore(score).setFeatures(new HashMap<>(features))
                .setFeaturesAsOf(asOf).setEventTime(time).setOutcome(outcome).build();
    }

    static ControlMessage modelUpdate(String payload) {
        return ControlMessage.newBuilder().setId("model-" + payload.hashCode()).setTimestamp(T0)
                .setType(ControlType.MODEL_UPDATE).setPayload(payload).setIssuedBy("cli").build();
    }

    private void feed(ScoreUpdate update) throws Exception {
        harness.processElement(new StreamRecord<>(update, update.getEventTime()));
    }

    private List<ScoreUpdate> updates() {
        return harness.extractOutputValues();
    }

    private List<CustomerScore> scores() {
        List<CustomerScore> out = new ArrayList<>();
        updates().forEach(u -> out.add(u.getScore()));
        return out;
    }

    private List<LabeledExample> examples() {
        List<LabeledExample> out = new ArrayList<>();
        var side = harness.getSideOutput(ChurnStateDescriptors.LABELED_EXAMPLES);
        if (side != null) {
            side.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }
}
