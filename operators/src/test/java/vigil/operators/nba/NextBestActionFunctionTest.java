package vigil.operators.nba;

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
import vigil.schemas.ActionChange;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.CatalogStatus;
import vigil.schemas.NbaBroadcast;
import vigil.schemas.PropensityTable;
import vigil.schemas.ReactionCount;
import vigil.schemas.RecommendedAction;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.operators.nba.NbaTesting.CATALOG;
import static vigil.operators.nba.NbaTesting.DAY;
import static vigil.operators.nba.NbaTesting.HOUR;
import static vigil.operators.nba.NbaTesting.T0;
import static vigil.operators.nba.NbaTesting.catalogMessage;
import static vigil.operators.nba.NbaTesting.reaction;
import static vigil.operators.nba.NbaTesting.settings;
import static vigil.operators.nba.NbaTesting.tombstone;
import static vigil.operators.nba.NbaTesting.update;

class NextBestActionFunctionTest {
    private KeyedBroadcastOperatorTestHarness<String, ScoreUpdate, NbaBroadcast, ScoreUpdate> harness;
    private NextBestActionFunction function;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void arbitrationRanksByPriorityWithReasonsTheSameWayEveryTime() throws Exception {
        List<List<RecommendedAction>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            harness = open(null, false);
            feed(update("C1", T0, 0.5));
            feed(update("C2", T0, 0.9));
            runs.add(actions(0));
            runs.add(actions(1));
            harness.close();
        }
        assertThat(runs.get(0)).extracting(RecommendedAction::getActionId).containsExactly("a", "b", "none");
        assertThat(runs.get(0)).extracting(RecommendedAction::getPriority).containsExactly(5.0, 4.0, 0.5);
        assertThat(runs.get(0).get(0).getChannel()).isEqualTo("email");
        assertThat(runs.get(0).get(2).getChannel()).as("no contact").isNull();
        assertThat(runs.get(1)).extracting(RecommendedAction::getActionId).as("0.1 x 3 x 20 = 6").containsExactly("c", "a", "b");
        assertThat(runs.get(1).get(0).getReason()).isEqualTo(
                "risk 0.90 | priority 6.00 = propensity 0.10 (all segments: 0 accepted, 0 rejected) x context 3.00 x value 20 x lever 1");
        assertThat(runs.get(2)).as("second run, same input").isEqualTo(runs.get(0));
        assertThat(runs.get(3)).isEqualTo(runs.get(1));
        harness = null;
    }

    @Test
    void theTopActionsAndTheirChangesAreOutputs() throws Exception {
        harness = open(null, false);
        feed(update("C1", T0, 0.5));
        feed(update("C1", T0 + 1, 0.5));
        feed(update("C1", T0 + 2, 0.95));
        ScoreUpdate out = output().get(2);
        assertThat(out.getScore().getTopActions()).containsExactly("c", "a", "b");
        assertThat(changes()).extracting(c -> c.getPreviousActionId(), c -> c.getAction().getActionId())
                .as("first recommendation, then only the change").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "a"), org.assertj.core.groups.Tuple.tuple("a", "c"));
        assertThat(changes().get(1).getCatalogVersion()).isEqualTo("test-1");
        assertThat(function.metrics().changes.getCount()).isEqualTo(2);
    }

    @Test
    void contactPolicySuppressesAfterImpressionsAndCapsAndTimersExpireTheHistory() throws Exception {
        harness = open(null, false);
        feed(update("C1", T0, 0.5));
        feed(reaction("C1", T0 + HOUR, "SHOWN", "a", "email"));
        assertThat(top()).as("one impression of two allowed").isEqualTo("a");
        feed(reaction("C1", T0 + 2 * HOUR, "SHOWN", "a", "email"));
        assertThat(topIds()).as("a shown twice in 7 d; email capped at 2: b goes by app")
                .containsExactly("b", "none");
        assertThat(last().getScore().getActions().get(0).getChannel()).isEqualTo("app");
        feed(reaction("C1", T0 + 3 * HOUR, "REJECTED", "b", "app"));
        assertThat(topIds()).as("b rejected once: suppressed").containsExactly("none");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        watermark(T0 + 7 * DAY + 2 * HOUR);     // the two impressions leave the 7-day retention
        assertThat(contacts("C1")).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).as("moved to the last contact's expiry").isEqualTo(1);
        feed(update("C1", T0 + 7 * DAY + 2 * HOUR, 0.5));
        assertThat(topIds()).as("a is back; b still within the rejection window").containsExactly("a", "none");

        watermark(T0 + 7 * DAY + 3 * HOUR);
        assertThat(contacts("C1")).isZero();
        assertThat(harness.numEventTimeTimers()).as("history empty: no timer left").isZero();
        feed(update("C1", T0 + 8 * DAY, 0.5));
        assertThat(topIds()).containsExactly("a", "b", "none");
        assertThat(function.metrics().reactions.getCount()).isEqualTo(3);
    }

    @Test
    void aCatalogIsReplacedAtRuntimeThroughBroadcastStateAndAnInvalidOneIsRejected() throws Exception {
        harness = open(null, false);
        feed(update("C1", T0, 0.5));
        broadcast(catalogMessage("m1", """
                {"version": "test-2", "actions": [{"id": "z", "name": "Z", "channels": ["app"], "value": 3}]}"""));
        feed(update("C1", T0 + 1, 0.5));
        assertThat(topIds()).containsExactly("z");
        assertThat(changes()).last().satisfies(c -> assertThat(c.getCatalogVersion()).isEqualTo("test-2"));

        broadcast(catalogMessage("m2", """
                {"version": "test-3", "actions": [{"id": "z", "name": "Z", "eligibility": {"fact": "tenur", "op": ">=", "value": 12}}]}"""));
        broadcast(catalogMessage("m3", "{not json"));
        feed(update("C1", T0 + 2, 0.5));
        assertThat(topIds()).as("the old catalog stays").containsExactly("z");

        List<CatalogStatus> statuses = statuses();
        assertThat(statuses).extracting(CatalogStatus::getAccepted).containsExactly(true, false, false);
        assertThat(statuses.get(0).getReason()).isEqualTo("catalog test-2 with 1 actions in force, replacing test-1");
        assertThat(statuses.get(1).getReason()).startsWith("rejected: actions[0].eligibility.fact: unknown fact 'tenur'")
                .endsWith("catalog test-2 stays in force");
        assertThat(statuses.get(1).getCatalogVersion()).isEqualTo("test-2");
        assertThat(statuses.get(2).getReason()).startsWith("rejected: the catalog is not valid JSON");
        assertThat(harness.getBroadcastState(NbaDescriptors.CATALOGS).get(NbaDescriptors.CATALOG)).contains("test-2");
        assertThat(function.metrics().catalogsRejected.getCount()).isEqualTo(2);
    }

    @Test
    void feedbackCountsChangePropensitiesAndLiveAlertsChangeContext() throws Exception {
        harness = open(null, false);
        feed(update("C1", T0, 0.5));
        assertThat(top()).isEqualTo("a");
        broadcast(table(1, count("b", -1, 8, 2), count("a", -1, 0, 4)));
        feed(update("C1", T0 + 1, 0.5));
        assertThat(topIds()).as("b (5+8)/(10+10) x 8 = 5.2 beats a 5/14 x 10 = 3.6").containsExactly("b", "a", "none");
        assertThat(last().getScore().getActions().get(0).getReason()).contains("propensity 0.65 (all segments: 8 accepted, 2 rejected)");
        broadcast(table(0, count("b", -1, 0, 100))); // an older table is ignored
        feed(update("C1", T0 + 2, 0.5));
        assertThat(top()).isEqualTo("b");

        broadcast(new NbaBroadcast(alert("spike:outage:1", "outage", AlertStatus.OPENED)));
        feed(update("C2", T0, 0.5, Map.of("complaints.outage", 2.0)));
        assertThat(last().getScore().getActions().get(0).getReason()).startsWith("incident on outage |");
        broadcast(new NbaBroadcast(alert("spike:outage:1", "outage", AlertStatus.RESOLVED)));
        feed(update("C2", T0 + 1, 0.5, Map.of("complaints.outage", 2.0)));
        assertThat(last().getScore().getActions().get(0).getContextWeight()).isEqualTo(1.0);
    }

    @Test
    void stateAndCatalogSurviveSnapshotAndRestoreOnRocksDbAndErasureLeavesNothing() throws Exception {
        harness = open(null, true);
        broadcast(catalogMessage("m1", CATALOG.replace("test-1", "test-9")));
        feed(reaction("C1", T0, "SHOWN", "a", "email"));
        feed(reaction("C1", T0 + HOUR, "SHOWN", "a", "email"));
        feed(update("C2", T0, 0.5));
        assertThat(top()).isEqualTo("a");
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = open(snapshot, true);
        assertThat(harness.numEventTimeTimers()).as("C1's history expiry").isEqualTo(1);
        feed(update("C1", T0 + 2 * HOUR, 0.5));
        assertThat(topIds()).as("the impressions were restored").containsExactly("b", "none");
        assertThat(changes()).as("b was already C1's top action").isEmpty();
        feed(update("C3", T0, 0.5));
        assertThat(changes()).singleElement().satisfies(c -> assertThat(c.getCatalogVersion()).isEqualTo("test-9"));

        feed(tombstone("C1", T0 + 3 * HOUR));
        feed(tombstone("C2", T0 + 3 * HOUR));
        feed(tombstone("C3", T0 + 3 * HOUR));
        assertThat(last().getScore()).as("the tombstone passes").isNull();
        assertThat(keys("nba-customer")).isZero();
        assertThat(keys("nba-history-expiry")).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    // --- plumbing -------------------------------------------------------------------------------

    private KeyedBroadcastOperatorTestHarness<String, ScoreUpdate, NbaBroadcast, ScoreUpdate> open(
            OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        function = new NextBestActionFunction(settings(CATALOG));
        var h = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of(NbaDescriptors.CATALOGS, NbaDescriptors.SEGMENTS,
                        NbaDescriptors.PROPENSITIES, NbaDescriptors.LIVE_ALERTS)),
                ScoreUpdate::getCustomerId, Types.STRING, 128, 1, 0);
        return Harnesses.start(h, restoreFrom, rocksDb);
    }

    static ReactionCount count(String action, int segment, long accepted, long rejected) {
        return ReactionCount.newBuilder().setActionId(action).setSegment(segment).setAccepted(accepted)
                .setRejected(rejected).build();
    }

    private void broadcast(vigil.schemas.ControlMessage message) throws Exception {
        harness.processBroadcastElement(new NbaBroadcast(message), message.getTimestamp());
    }

    private void broadcast(NbaBroadcast element) throws Exception {
        harness.processBroadcastElement(element, T0);
    }

    private static NbaBroadcast table(long version, ReactionCount... counts) {
        return new NbaBroadcast(PropensityTable.newBuilder().setVersion(version).setCounts(List.of(counts)).build());
    }

    private static Alert alert(String id, String topic, AlertStatus status) {
        return Alert.newBuilder().setAlertId(id).setStatus(status).setSeverity(Severity.HIGH).setDetector("spike")
                .setTopic(topic).setReason("r").setOpenedAt(T0).setUpdatedAt(T0).build();
    }

    private void feed(ScoreUpdate update) throws Exception {
        harness.processElement(new StreamRecord<>(update, update.getEventTime()));
    }

    private void watermark(long time) throws Exception {
        harness.processWatermark(time);
        harness.processBroadcastWatermark(time);
    }

    private List<ScoreUpdate> output() {
        return harness.extractOutputValues();
    }

    private ScoreUpdate last() {
        List<ScoreUpdate> out = output();
        return out.get(out.size() - 1);
    }

    private List<RecommendedAction> actions(int index) {
        return output().get(index).getScore().getActions();
    }

    private List<String> topIds() {
        return last().getScore().getTopActions();
    }

    private String top() {
        return topIds().get(0);
    }

    private List<ActionChange> changes() {
        List<ActionChange> out = new ArrayList<>();
        if (harness.getSideOutput(NbaDescriptors.ACTION_CHANGES) != null) {
            harness.getSideOutput(NbaDescriptors.ACTION_CHANGES).forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    private List<CatalogStatus> statuses() {
        List<CatalogStatus> out = new ArrayList<>();
        harness.getSideOutput(NbaDescriptors.CATALOG_STATUS).forEach(r -> out.add(r.getValue()));
        return out;
    }

    private int contacts(String customer) throws Exception {
        harness.getOperator().setCurrentKey(customer);
        return function.contactsForTests();
    }

    private long keys(String state) {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }
}
