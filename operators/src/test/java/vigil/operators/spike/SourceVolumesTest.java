package vigil.operators.spike;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vigil.operators.testing.Harnesses;
import vigil.schemas.Alert;
import vigil.schemas.Channel;
import vigil.schemas.TopicSignal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scaling baselines by the source's volume: {@link SourceVolumes} tells every topic how far its source's
 * other topics run above their usual rate, and the detector expects that much more of the topic too.
 * Deterministic counts: 1 s slides, 5 s windows, 60 s baseline half-life, 10 s volume half-life.
 */
class SourceVolumesTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final List<String> TOPICS = List.of("billing", "outage", "delivery", "login", "pricing", "defect");
    private static final SpikeSettings SETTINGS = new SpikeSettings(1_000, 5_000, 20_000, 60_000, 3.0, 15.0, 2.0, 2,
            5.0, 2, 1.0, 5_000, 5.0, 30_000, 3, 0, 10_000, 5.0);

    private KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, TopicSignal> volumes;
    private KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> detector;
    private long ids;

    @AfterEach
    void close() throws Exception {
        if (volumes != null) {
            volumes.close();
        }
        if (detector != null) {
            detector.close();
        }
    }

    @ParameterizedTest(name = "RocksDB: {0}")
    @ValueSource(booleans = {false, true})
    void aRampInEveryTopicRaisesEveryFactorButATopicsOwnRiseDoesNot(boolean rocksDb) throws Exception {
        volumes = openVolumes(null, rocksDb);
        // Every topic at 2 complaints per second in calls
        for (int second = 0; second < 60; second++) {
            for (String topic : TOPICS) {
                complaints(volumes, topic, Channel.CALL, second, 2);
            }
            volumes.processWatermark(new Watermark(T0 + (second + 1) * 1000L));
        }
        assertThat(volumes.extractOutputValues()).as("a steady source sends no factor above 1").isEmpty();

        // A snapshot and restore keeps the rates
        OperatorSubtaskState snapshot = volumes.snapshot(1L, T0 + 60_000);
        volumes.close();
        volumes = openVolumes(snapshot, rocksDb);

        // Billing alone triples: the other topics see their neighbour rise, billing does not see itself
        for (int second = 60; second < 80; second++) {
            for (String topic : TOPICS) {
                complaints(volumes, topic, Channel.CALL, second, topic.equals("billing") ? 6 : 2);
            }
            volumes.processWatermark(new Watermark(T0 + (second + 1) * 1000L));
        }
        Map<String, Double> last = lastFactors(volumes.extractOutputValues());
        assertThat(last).doesNotContainKey("billing");
        assertThat(last).containsKey("outage");
        assertThat(last.get("outage")).as("one of five neighbours at 3x, ramped in").isBetween(1.1, 1.4);

        // Then the whole source doubles: every topic's factor heads for 2 (1.5 for billing's neighbours,
        // whose usual rate already counted billing's rise)
        volumes.getOutput().clear();
        for (int second = 80; second < 140; second++) {
            for (String topic : TOPICS) {
                complaints(volumes, topic, Channel.CALL, second, 4);
            }
            volumes.processWatermark(new Watermark(T0 + (second + 1) * 1000L));
        }
        List<TopicSignal> readings = volumes.extractOutputValues();
        assertThat(readings).allSatisfy(r -> {
            assertThat(r.getChannel()).isEqualTo(Channel.CALL);
            assertThat(Math.floorMod(r.getTimestamp() + 1, 1000L)).as("just before a slide's end").isZero();
        });
        assertThat(lastFactors(readings).keySet()).containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(lastFactors(readings).values()).allSatisfy(f -> assertThat(f).isBetween(1.2, 2.0));

        // A silent source sets no timers
        volumes.processWatermark(new Watermark(T0 + 3_600_000));
        assertThat(volumes.numEventTimeTimers()).isZero();
        if (!rocksDb) { // the harness counts entries on the heap backend only
            assertThat(volumes.numKeyedStateEntries()).as("only the source's rates").isEqualTo(1);
        }
    }

    @Test
    void theDetectorExpectsWhatTheSourceVolumeSays() throws Exception {
        // Billing in calls and chats doubles within 10 s and stays there: 2.5x over a baseline still at the old rate
        assertThat(alertsOnARamp(false)).as("without the source's volume, the ramp looks like a spike").isNotEmpty();
        assertThat(alertsOnARamp(true)).as("every topic of those sources doubled: no spike").isEmpty();
        detector.processWatermark(new Watermark(T0 + 3_600_000));
        assertThat(detector.numEventTimeTimers()).isZero();
        assertThat(detector.numKeyedStateEntries()).as("the baseline only: no factors, customers or counts left").isEqualTo(1);
    }

    /** Billing at 4 per second in calls and chats, then 10 per second; with the factors a doubled source sends. */
    private List<Alert> alertsOnARamp(boolean withFactors) throws Exception {
        if (detector != null) {
            detector.close();
        }
        detector = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SpikeDetector(SETTINGS)),
                TopicSignal::getTopic, Types.STRING);
        Harnesses.start(detector, null, false);
        for (int second = 0; second < 100; second++) {
            int perSecond = second < 60 ? 4 : 10;
            complaints(detector, "billing", Channel.CALL, second, perSecond);
            complaints(detector, "billing", Channel.CHAT, second, perSecond);
            complaints(detector, "billing", Channel.SOCIAL, second, 1);
            if (withFactors && second >= 60) {
                for (Channel source : List.of(Channel.CALL, Channel.CHAT)) {
                    long end = T0 + (second + 1) * 1000L;
                    detector.processElement(new StreamRecord<>(TopicSignal.newBuilder().setTopic("billing")
                            .setChannel(source).setTimestamp(end - 1).setInteractionId("").setCustomerId("")
                            .setSourceFactor(2.5).build(), end - 1));
                }
            }
            detector.processWatermark(new Watermark(T0 + (second + 1) * 1000L));
        }
        return detector.extractOutputValues();
    }

    private void complaints(KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, ?> harness, String topic,
                            Channel source, int second, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            long ts = T0 + second * 1000L + i * (1000L / n);
            harness.processElement(new StreamRecord<>(TopicSignal.newBuilder().setTopic(topic).setChannel(source)
                    .setTimestamp(ts).setInteractionId("ev-" + ids).setCustomerId("C" + ids++)
                    .setEvidence("the " + topic + " is wrong again").build(), ts));
        }
    }

    private static Map<String, Double> lastFactors(List<TopicSignal> readings) {
        Map<String, Double> last = new TreeMap<>();
        readings.forEach(r -> last.put(r.getTopic(), r.getSourceFactor()));
        return last;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, TopicSignal> openVolumes(
            OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SourceVolumes(SETTINGS)),
                (TopicSignal signal) -> signal.getChannel().name(), Types.STRING);
        return Harnesses.start(h, restoreFrom, rocksDb);
    }
}
