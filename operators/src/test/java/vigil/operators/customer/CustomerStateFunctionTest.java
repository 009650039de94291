package vigil.operators.customer;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.schemas.Channel;
import vigil.schemas.ChannelActivity;
import vigil.schemas.CustomerEvent;
import vigil.schemas.CustomerScore;
import vigil.schemas.ScoreUpdate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vigil.operators.testing.Events.erasure;
import static vigil.operators.testing.Events.interaction;
import static vigil.operators.testing.Events.profile;

class CustomerStateFunctionTest {
    private static final long DAY = 86_400_000L;
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

    private static KeyedOneInputStreamOperatorTestHarness<String, CustomerEvent, ScoreUpdate> open(
            OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CustomerStateFunction(SETTINGS)),
                CustomerEvent::getCustomerId, Types.STRING);
        if (rocksDb) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend(true));
        }
        if (restoreFrom == null) {
            h.setup();
        } else {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    private void feed(CustomerEvent event) throws Exception {
        harness.processElement(new StreamRecord<>(event, event.getTimestamp()));
    }

    @SuppressWarnings("unchecked")
    private List<ScoreUpdate> updates() {
        List<ScoreUpdate> out = new ArrayList<>();
        for (Object o : harness.getOutput()) {
            if (o instanceof StreamRecord) {
                out.add(((StreamRecord<ScoreUpdate>) o).getValue());
            }
        }
        return out;
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
