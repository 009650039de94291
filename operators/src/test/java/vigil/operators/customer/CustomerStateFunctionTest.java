package vigil.operators.customer;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.operators.testing.Harnesses;
import vigil.schemas.Channel;
import vigil.schemas.ChannelActivity;
import vigil.schemas.CustomerEvent;
import vigil.schemas.CustomerScore;
import vigil.schemas.OutcomeType;
import vigil.schemas.ScoreUpdate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vigil.operators.testing.Events.click;
import static vigil.operators.testing.Events.erasure;
import static vigil.operators.testing.Events.interaction;
import static vigil.operators.testing.Events.message;
import static vigil.operators.testing.Events.outcome;
import static vigil.operators.testing.Events.profile;

class CustomerStateFunctionTest {
    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_700_000_000_000L;
    private static final StateSettings SETTINGS = new StateSettings(90 * DAY, windows());

    private KeyedOneInputStreamOperatorTestHarness<String, CustomerEvent, ScoreUpdate> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void countsConversationsPerChannelAndDecaysThem() throws Exception {
        harness = open(null, false);
        feed(interaction("C1", Channel.CHAT, "conv-1", T0));
        feed(interaction("C1", Channel.CHAT, "conv-1", T0 + 1000));
        feed(interaction("C1", Channel.CALL, "call-1", T0 + 2000));
        feed(interaction("C1", Channel.CHAT, "conv-2", T0 + 7 * DAY));

        CustomerScore score = lastScore();
        ChannelActivity chat = activity(score, Channel.CHAT);
        assertThat(chat.getTotal()).as("two conversations, three messages").isEqualTo(2);
        assertThat(chat.getDecayed().get("7d")).isCloseTo(1 + Math.exp(-1), within(1e-6));
        assertThat(chat.getDecayed().get("1d")).isCloseTo(1 + Math.exp(-7), within(1e-6));
        assertThat(activity(score, Channel.CALL).getDecayed().get("7d"))
                .as("decayed to the customer's latest event time").isCloseTo(Math.exp(-(7 * DAY - 2000.0) / (7 * DAY)),
                        within(1e-6));
        assertThat(score.getLastContactAt()).isEqualTo(T0 + 7 * DAY);
        assertThat(score.getLastContactChannel()).isEqualTo(Channel.CHAT);
    }

    @Test
    void lateEventsGiveTheSameCountsAsInOrderOnes() throws Exception {
        harness = open(null, false);
        feed(interaction("A", Channel.SOCIAL, null, T0));
        feed(interaction("A", Channel.SOCIAL, null, T0 + 3 * DAY));
        feed(interaction("B", Channel.SOCIAL, null, T0 + 3 * DAY));
        feed(interaction("B", Channel.SOCIAL, null, T0));

        List<CustomerScore> scores = scores();
        CustomerScore a = scores.get(1);
        CustomerScore b = scores.get(3);
        assertThat(b.getUpdatedAt()).isEqualTo(a.getUpdatedAt());
        assertThat(activity(b, Channel.SOCIAL).getDecayed().get("7d"))
                .isCloseTo(activity(a, Channel.SOCIAL).getDecayed().get("7d"), within(1e-9));
        assertThat(b.getLastContactAt()).as("a late event does not move last contact back").isEqualTo(T0 + 3 * DAY);
    }

    @Test
    void clicksAreActivityButNotContact() throws Exception {
        harness = open(null, false);
        feed(interaction("C1", Channel.CLICK, "session-1", T0));

        CustomerScore score = lastScore();
        assertThat(activity(score, Channel.CLICK).getTotal()).isEqualTo(1);
        assertThat(score.getLastContactAt()).isNull();
    }

    @Test
    void profileUpdatesMergeField() throws Exception {
        harness = open(null, false);
        feed(profile("C1", T0, "Fiber 500", 12));
        feed(profile("C1", T0 + 1, null, 13));

        CustomerScore score = lastScore();
        assertThat(score.getProfile().getPlan()).isEqualTo("Fiber 500");
        assertThat(score.getProfile().getTenureMonths()).isEqualTo(13);
    }

    @Test
    void erasureClearsEveryPieceOfStateAndWritesATombstone() throws Exception {
        harness = open(null, false);
        feed(profile("C1", T0, "Basic", 3));
        feed(interaction("C1", Channel.CALL, "call-1", T0 + 1));
        feed(interaction("C2", Channel.CALL, "call-2", T0 + 1));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        feed(erasure("C1", T0 + 2));

        ScoreUpdate last = updates().get(updates().size() - 1);
        assertThat(last.getCustomerId()).isEqualTo("C1");
        assertThat(last.getScore()).as("tombstone").isNull();
        assertThat(harness.numKeyedStateEntries()).as("only C2 is left").isEqualTo(1);
        feed(erasure("C2", T0 + 3));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void stateExpiresAfterItsTimeToLive() throws Exception {
        harness = open(null, false);
        harness.setStateTtlProcessingTime(0);
        feed(interaction("C1", Channel.CHAT, "conv-1", T0));
        harness.setStateTtlProcessingTime(90 * DAY + 1);

        feed(interaction("C1", Channel.CHAT, "conv-2", T0 + 1));

        assertThat(activity(lastScore(), Channel.CHAT).getTotal()).as("expired state starts afresh").isEqualTo(1);
    }

    @Test
    void stateSurvivesSnapshotAndRestoreOnRocksDb() throws Exception {
        harness = open(null, true);
        feed(profile("C1", T0, "Fiber 500", 24));
        feed(interaction("C1", Channel.CALL, "call-1", T0 + 1));
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = open(snapshot, true);
        feed(interaction("C1", Channel.CALL, "call-2", T0 + 2));

        CustomerScore score = lastScore();
        assertThat(activity(score, Channel.CALL).getTotal()).isEqualTo(2);
        assertThat(score.getProfile().getPlan()).isEqualTo("Fiber 500");
        feed(erasure("C1", T0 + 3));
        assertThat(lastUpdate().getScore()).isNull();
        feed(interaction("C1", Channel.CALL, "call-3", T0 + 4));
        assertThat(lastScore().getProfile()).as("nothing of the erased customer comes back").isNull();
        assertThat(activity(lastScore(), Channel.CALL).getTotal()).isEqualTo(1);
    }

    @Test
    void everyUpdateCarriesTheChurnFeaturesOfTheCustomersState() throws Exception {
        harness = open(null, false);
        churnStory("C1").forEach(this::feedUnchecked);

        ScoreUpdate last = lastUpdate();
        Map<String, Object> f = last.getFeatures();
        long asOf = T0 + 6 * DAY;
        assertThat(last.getFeaturesAsOf()).isEqualTo(asOf).isEqualTo(last.getScore().getUpdatedAt());
        assertThat(f).containsEntry("plan", "Basic").containsEntry("tenureMonths", 3.0).containsEntry("contract", null);
        assertThat((Double) f.get("complaints.billing")).as("three negative billing messages, decayed 30 d")
                .isCloseTo(decayed(asOf, 30, T0 + HOUR, T0 + HOUR + 60_000, T0 + 2 * DAY), within(1e-9));
        assertThat((Double) f.get("negative.7d"))
                .isCloseTo(decayed(asOf, 7, T0 + HOUR, T0 + HOUR + 60_000, T0 + 2 * DAY), within(1e-9));
        assertThat((Double) f.get("complaints.outage")).isZero();
        assertThat((Double) f.get("repeatContacts")).as("conv-2 raised billing again, 2 days after conv-1")
                .isCloseTo(decayed(asOf, 30, T0 + 2 * DAY), within(1e-9));
        assertThat((Double) f.get("cancelPages.7d")).as("one session, however many cancel pages")
                .isCloseTo(decayed(asOf, 7, T0 + 3 * DAY), within(1e-9));
        assertThat((Double) f.get("paymentFailures.7d")).isCloseTo(decayed(asOf, 7, T0 + 3 * DAY + 2000), within(1e-9));
        assertThat((Double) f.get("errorPages.30d")).isCloseTo(decayed(asOf, 30, T0 + 3 * DAY + 2000), within(1e-9));
        assertThat((Double) f.get("pricingPages.30d")).isZero();
        assertThat((Double) f.get("sentiment.chat")).as("moving average, alpha 0.3").isCloseTo(-0.788, within(1e-9));
        assertThat((Double) f.get("sentiment.chat.trend")).isCloseTo(-0.05, within(1e-9));
        assertThat((Double) f.get("sentiment.call")).isCloseTo(0.5, within(1e-9));
        assertThat(f).as("one call message has no trend yet").containsEntry("sentiment.call.trend", null)
                .as("never posted").containsEntry("sentiment.social", null);
        assertThat((Double) f.get("daysSinceContact")).as("the call, two days before the last click")
                .isCloseTo(2.0, within(1e-9));
        assertThat((Double) f.get("contacts.30d")).as("two chats and a call")
                .isCloseTo(decayed(asOf, 30, T0 + HOUR, T0 + 2 * DAY, T0 + 4 * DAY), within(1e-9));
        assertThat(last.getOutcome()).isNull();
    }

    @Test
    void missingValuesStayNullUntilTheyAreKnown() throws Exception {
        harness = open(null, false);
        feed(interaction("C1", Channel.CLICK, "session-1", T0));

        Map<String, Object> f = lastUpdate().getFeatures();
        assertThat(f).containsEntry("tenureMonths", null).containsEntry("valueTier", null)
                .containsEntry("sentiment", null).containsEntry("sentiment.chat", null)
                .containsEntry("daysSinceContact", null);

        feed(profile("C1", T0 + 1, null, 12));
        assertThat(lastUpdate().getFeatures()).containsEntry("tenureMonths", 12.0).containsEntry("plan", null);
    }

    @Test
    void churnOutcomesAreLabelsNotFeatures() throws Exception {
        harness = open(null, false);
        feed(profile("C1", T0, "Basic", 3));
        feed(outcome("C1", T0 + DAY, OutcomeType.ACTION_SHOWN));
        assertThat(lastUpdate().getOutcome()).as("every outcome type is passed on; the label join picks churn labels")
                .isEqualTo("ACTION_SHOWN");
        feed(profile("C1", T0 + DAY + 1, "Basic", 3));
        assertThat(lastUpdate().getOutcome()).isNull();

        feed(outcome("C1", T0 + 2 * DAY, OutcomeType.CHURNED));

        ScoreUpdate churned = lastUpdate();
        assertThat(churned.getOutcome()).isEqualTo("CHURNED");
        assertThat(churned.getScore().getLastOutcome()).isEqualTo("CHURNED");
        assertThat(churned.getFeatures().values()).doesNotContain("CHURNED");
        assertThat(churned.getFeatures().keySet()).noneMatch(name -> name.toLowerCase().contains("outcome"));
        feed(outcome("C1", T0 + 3 * DAY, OutcomeType.RETAINED));
        assertThat(lastUpdate().getOutcome()).isEqualTo("RETAINED");
    }

    @Test
    void signalCountsDoNotDependOnArrivalOrder() throws Exception {
        harness = open(null, false);
        churnStory("A").forEach(this::feedUnchecked);
        Map<String, Object> inOrder = lastUpdate().getFeatures();
        List<CustomerEvent> shuffled = churnStory("B");
        CustomerEvent first = shuffled.remove(0); // the profile, so both customers have one throughout
        Collections.shuffle(shuffled, new Random(7));
        shuffled.add(0, first);
        shuffled.forEach(this::feedUnchecked);
        Map<String, Object> outOfOrder = lastUpdate().getFeatures();

        assertThat(lastUpdate().getFeaturesAsOf()).isEqualTo(T0 + 6 * DAY);
        assertThat(inOrder.keySet()).containsExactlyElementsOf(outOfOrder.keySet());
        inOrder.forEach((name, value) -> {
            if (!name.startsWith("sentiment")) { // moving averages follow arrival order by design
                if (value instanceof Double) {
                    assertThat((Double) outOfOrder.get(name)).as(name).isCloseTo((Double) value, within(1e-9));
                } else {
                    assertThat(outOfOrder.get(name)).as(name).isEqualTo(value);
                }
            }
        });
        assertThat((Double) outOfOrder.get("repeatContacts")).isPositive();
    }

    @Test
    void erasureLeavesNoSignalsBehind() throws Exception {
        harness = open(null, false);
        churnStory("C1").forEach(this::feedUnchecked);

        feed(erasure("C1", T0 + 7 * DAY));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();

        feed(message("C1", Channel.CHAT, "conv-9", T0 + 8 * DAY, -0.5, "billing"));
        Map<String, Object> f = lastUpdate().getFeatures();
        assertThat((Double) f.get("repeatContacts")).as("the topic memory is gone too").isZero();
        assertThat((Double) f.get("complaints.billing")).isCloseTo(1.0, within(1e-9));
        assertThat(f).containsEntry("plan", null);
    }

    @Test
    void signalsAndTopicMemorySurviveSnapshotAndRestoreOnRocksDb() throws Exception {
        harness = open(null, true);
        feed(message("C1", Channel.CHAT, "conv-1", T0, -0.7, "billing"));
        feed(click("C1", "s1", T0 + 1, "cancel_step", "/account/contract/cancel", null));
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = open(snapshot, true);
        feed(message("C1", Channel.CALL, "call-1", T0 + DAY, -0.4, "billing"));

        Map<String, Object> f = lastUpdate().getFeatures();
        assertThat((Double) f.get("repeatContacts")).as("remembered conv-1 across the restore").isCloseTo(1.0,
                within(1e-9));
        assertThat((Double) f.get("complaints.billing")).isCloseTo(1 + Math.exp(-1.0 / 30), within(1e-9));
        assertThat((Double) f.get("cancelPages.7d")).isCloseTo(Math.exp(-(DAY - 1.0) / (7 * DAY)), within(1e-9));
    }

    /**
     * A customer with a profile, two negative chats about billing in two conversations, a web session
     * through the cancel pages with a payment error, a positive call, and a click two days later.
     */
    private static List<CustomerEvent> churnStory(String customer) {
        List<CustomerEvent> events = new ArrayList<>();
        events.add(profile(customer, T0, "Basic", 3));
        events.add(message(customer, Channel.CHAT, "conv-1", T0 + HOUR, -0.8, "billing"));
        events.add(message(customer, Channel.CHAT, "conv-1", T0 + HOUR + 60_000, -0.6, "billing"));
        events.add(message(customer, Channel.CHAT, "conv-2", T0 + 2 * DAY, -0.9, "billing"));
        events.add(click(customer, "s1", T0 + 3 * DAY, "cancel_step", "/account/contract/cancel", null));
        events.add(click(customer, "s1", T0 + 3 * DAY + 1000, "page_view", "/account/contract/cancelled", null));
        events.add(click(customer, "s1", T0 + 3 * DAY + 2000, "error", "/account/payment", 502));
        events.add(message(customer, Channel.CALL, "call-1", T0 + 4 * DAY, 0.5));
        events.add(click(customer, "s2", T0 + 6 * DAY, "page_view", "/", null));
        return events;
    }

    /** The sum of exp(-age / window) over occurrences at {@code times}, as of {@code asOf}. */
    private static double decayed(long asOf, int windowDays, long... times) {
        double sum = 0;
        for (long t : times) {
            sum += Math.exp(-(double) (asOf - t) / (windowDays * DAY));
        }
        return sum;
    }

    private void feedUnchecked(CustomerEvent event) {
        try {
            feed(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CustomerEvent, ScoreUpdate> open(
            OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CustomerStateFunction(SETTINGS)),
                CustomerEvent::getCustomerId, Types.STRING);
        return Harnesses.start(h, restoreFrom, rocksDb);
    }

    private void feed(CustomerEvent event) throws Exception {
        harness.processElement(new StreamRecord<>(event, event.getTimestamp()));
    }

    private List<ScoreUpdate> updates() {
        return harness.extractOutputValues();
    }

    private ScoreUpdate lastUpdate() {
        List<ScoreUpdate> all = updates();
        return all.get(all.size() - 1);
    }

    private List<CustomerScore> scores() {
        List<CustomerScore> out = new ArrayList<>();
        updates().forEach(u -> out.add(u.getScore()));
        return out;
    }

    private CustomerScore lastScore() {
        return lastUpdate().getScore();
    }

    private static ChannelActivity activity(CustomerScore score, Channel channel) {
        return score.getActivity().stream().filter(a -> a.getChannel() == channel).findFirst().orElseThrow();
    }

    private static Map<String, Long> windows() {
        Map<String, Long> w = new LinkedHashMap<>();
        w.put("1d", DAY);
        w.put("7d", 7 * DAY);
        w.put("30d", 30 * DAY);
        return w;
    }
}
