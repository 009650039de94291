package vigil.operators.churn.stream;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.operators.churn.RiskBands;
import vigil.operators.testing.Harnesses;
import vigil.schemas.FeatureSnapshot;
import vigil.schemas.FeatureValues;
import vigil.schemas.LabeledExample;
import vigil.schemas.ScoreUpdate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.operators.churn.stream.ChurnScoringFunctionTest.outcome;
import static vigil.operators.churn.stream.ChurnScoringFunctionTest.update;

class LabelJoinTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long DAY = 86_400_000L;
    private static final RiskBands BANDS = new RiskBands(0.3, 0.6);
    private static final ChurnSettings SETTINGS = new ChurnSettings(BANDS, 0.02, 3, 4, 30 * DAY, 90 * DAY, 11L);

    private KeyedOneInputStreamOperatorTestHarness<String, ScoreUpdate, LabeledExample> harness;
    private JoinFunction function;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void valuesAreKeptExactlyInTheirSmallestBranch() {
        assertThat(FeatureLayout.compact(0.0)).isEqualTo(0);
        assertThat(FeatureLayout.compact(-3.0)).isEqualTo(-3);
        assertThat(FeatureLayout.compact(0.5)).isEqualTo(0.5f);
        assertThat(FeatureLayout.compact(0.1)).isEqualTo(0.1);
        assertThat(FeatureLayout.compact(1e10)).isEqualTo(1e10f);
        assertThat(FeatureLayout.compact(1e12)).as("not a float").isEqualTo(1e12);
        assertThat(FeatureLayout.compact(-0.0)).isEqualTo(-0.0f);
        assertThat(FeatureLayout.compact("Month-to-month")).isEqualTo("Month-to-month");
        assertThat(FeatureLayout.compact(null)).isNull();
        for (double v : new double[] {0.0, -0.0, 7, 0.5, 0.1, 1e12, 3.7e-9, Double.NaN, Double.MAX_VALUE, -2.25}) {
            Object back = FeatureLayout.widen(FeatureLayout.compact(v));
            assertThat(Double.doubleToRawLongBits((Double) back)).as("%s", v).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void theLayoutIsTheSortedNamesAndItsFingerprintFollowsNamesAndSpec() {
        Map<String, Object> features = features(1.0, "Two year", null);
        FeatureLayout layout = FeatureLayout.of(features, 5L);
        assertThat(layout.encode(features)).as("contract, monthlyCharges, tenureMonths").containsExactly("Two year", null, 1);
        assertThat(layout.decode(layout.encode(features))).isEqualTo(features);
        assertThat(layout.fits(features)).isTrue();
        assertThat(layout.fits(Map.of("a", 1.0))).isFalse();
        assertThat(FeatureLayout.of(features, 5L).fingerprint()).isEqualTo(layout.fingerprint());
        assertThat(FeatureLayout.of(features, 6L).fingerprint()).isNotEqualTo(layout.fingerprint());
        assertThat(FeatureLayout.of(Map.of("a", 1.0), 5L).fingerprint()).isNotEqualTo(layout.fingerprint());
    }

    @Test
    void snapshotsStaySortedByAsOfTimeAndTheSameTimeReplaces() {
        List<FeatureValues> h = List.of();
        for (long asOf : new long[] {30, 10, 20, 20, 40, 50}) {
            h = FeatureHistory.add(h, new FeatureValues(asOf, List.of(asOf)), 4);
        }
        assertThat(h).extracting(FeatureValues::getAsOf).containsExactly(20L, 30L, 40L, 50L);
        assertThat(FeatureHistory.asOf(h, 35).getAsOf()).isEqualTo(30);
        assertThat(FeatureHistory.asOf(h, 19)).isNull();
    }

    @Test
    void theJoinSeesExactFeaturesAfterSnapshotAndRestoreOnRocksDb() throws Exception {
        harness = open(SETTINGS, null);
        feed(update("C1", T0 + 100, features(0.1, "One year", null)));
        feed(update("C1", T0 + 200, features(2.0, "Two year", 7.5)));
        feed(update("C1", T0 + 400, features(3.0, "Two year", 7.5)));   // later than the outcome, arrives first
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = open(SETTINGS, snapshot);
        feed(outcome("C1", T0 + 300, T0 + 400, "CHURNED", features(9.0, "Two year", 7.5)));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.getFeatures()).isEqualTo(features(2.0, "Two year", 7.5));
            assertThat(e.getFeaturesAsOf()).isEqualTo(T0 + 200);
        });
        assertThat(keys("churn-label-history")).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aChangedFeatureSpecDropsTheHistoryOnRestoreAndCountsIt() throws Exception {
        harness = open(SETTINGS, null);
        feed(update("C1", T0 + 100, features(1.0, "One year", 2.0)));
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        ChurnSettings changedSpec = new ChurnSettings(BANDS, 0.02, 3, 4, 30 * DAY, 90 * DAY, 12L);
        harness = open(changedSpec, snapshot);
        feed(outcome("C1", T0 + 200, T0 + 200, "CHURNED", features(1.0, "One year", 2.0)));
        assertThat(harness.extractOutputValues()).as("never joined with features of another spec").isEmpty();
        assertThat(function.labels.dropped()).isEqualTo(1);

        feed(outcome("C1", T0 + 300, T0 + 300, "RETAINED", features(4.0, "One year", 2.0)));
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(e -> assertThat(e.getFeaturesAsOf()).isEqualTo(T0 + 200));
        assertThat(function.labels.dropped()).isEqualTo(1);
    }

    @Test
    void changedFeatureNamesDropTheHistory() throws Exception {
        harness = open(SETTINGS, null);
        feed(update("C1", T0 + 100, Map.of("a", 1.0)));
        feed(outcome("C1", T0 + 200, T0 + 200, "CHURNED", Map.of("a", 1.0, "b", 2.0)));
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(function.labels.dropped()).isEqualTo(1);
    }

    @Test
    void aHistoryOfTheEarlierListStateIsConvertedOnTheCustomersNextUpdate() throws Exception {
        harness = open(SETTINGS, null);
        writeLegacy("C1", snapshot(T0 + 100, features(1.0, "One year", null)), snapshot(T0 + 200, features(2.0, "Two year", 3.0)));
        writeLegacy("C2", snapshot(T0 + 100, Map.of("old", 1.0)));   // a feature the spec no longer has
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);     // as an earlier version's savepoint holds it
        harness.close();

        harness = open(SETTINGS, snapshot);
        assertThat(keys("churn-feature-history")).isEqualTo(2);
        feed(outcome("C1", T0 + 150, T0 + 300, "CHURNED", features(5.0, "Two year", 3.0)));
        feed(outcome("C2", T0 + 150, T0 + 300, "CHURNED", features(5.0, "Two year", 3.0)));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.getCustomerId()).isEqualTo("C1");
            assertThat(e.getFeatures()).isEqualTo(features(1.0, "One year", null));
        });
        assertThat(function.labels.converted()).isEqualTo(1);
        assertThat(function.labels.dropped()).isEqualTo(1);
        assertThat(keys("churn-feature-history")).as("the old list state is cleared").isZero();
        assertThat(keys("churn-label-history")).isEqualTo(2);
    }

    @Test
    void theHistoryLivesItsRetentionThenItsTimerClearsEverything() throws Exception {
        harness = open(SETTINGS, null);
        for (int i = 0; i < 10; i++) {
            feed(update("C1", T0 + i * 60_000L, features(i, "One year", null)));  // ten updates within minutes
        }
        long newest = T0 + 9 * 60_000L;
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(newest + 30 * DAY - 1);
        assertThat(keys("churn-label-history")).as("kept for the retention").isEqualTo(1);

        harness.processWatermark(newest + 30 * DAY + LabelJoin.granularity(30 * DAY));
        assertThat(keys("churn-label-history")).isZero();
        assertThat(keys("churn-history-expiry")).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void erasureClearsHistoryTimerAndTheEarlierListState() throws Exception {
        harness = open(SETTINGS, null);
        feed(update("C1", T0, features(1.0, "One year", null)));
        writeLegacy("C1", snapshot(T0 - 5, features(1.0, "One year", null)));
        feed(ScoreUpdate.newBuilder().setCustomerId("C1").setScore(null).setEventTime(T0 + 1).build());

        assertThat(keys("churn-label-history")).isZero();
        assertThat(keys("churn-feature-history")).isZero();
        assertThat(keys("churn-history-expiry")).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /** The label join alone: examples out, tombstones (null score) clear. */
    static final class JoinFunction extends KeyedProcessFunction<String, ScoreUpdate, LabeledExample> {
        private final ChurnSettings settings;
        transient LabelJoin labels;

        JoinFunction(ChurnSettings settings) {
            this.settings = settings;
        }

        @Override
        public void open(org.apache.flink.configuration.Configuration parameters) {
            labels = new LabelJoin(settings, getRuntimeContext());
        }

        @Override
        public void processElement(ScoreUpdate update, Context ctx, Collector<LabeledExample> out) throws Exception {
            if (update.getScore() == null) {
                labels.clear(ctx.timerService());
                return;
            }
            LabelJoin.Result result = labels.onUpdate(update, ctx.timerService());
            if (result.example() != null) {
                out.collect(result.example());
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<LabeledExample> out) throws Exception {
            labels.onTimer(timestamp);
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, ScoreUpdate, LabeledExample> open(
            ChurnSettings settings, OperatorSubtaskState restoreFrom) throws Exception {
        function = new JoinFunction(settings);
        return Harnesses.start(new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                ScoreUpdate::getCustomerId, Types.STRING), restoreFrom, true);
    }

    private static Map<String, Object> features(double tenure, String contract, Double charges) {
        Map<String, Object> features = new HashMap<>();
        features.put("tenureMonths", tenure);
        features.put("contract", contract);
        features.put("monthlyCharges", charges);
        return features;
    }

    private static FeatureSnapshot snapshot(long asOf, Map<String, Object> features) {
        return FeatureSnapshot.newBuilder().setFeaturesAsOf(asOf).setFeatures(new HashMap<>(features)).build();
    }

    private void writeLegacy(String customer, FeatureSnapshot... snapshots) throws Exception {
        harness.getOperator().setCurrentKey(customer);
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        ListState<FeatureSnapshot> legacy = backend.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, ChurnStateDescriptors.legacyHistory());
        legacy.update(List.of(snapshots));
    }

    private void feed(ScoreUpdate update) throws Exception {
        harness.processElement(new StreamRecord<>(update, update.getEventTime()));
    }

    private long keys(String state) {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }
}
