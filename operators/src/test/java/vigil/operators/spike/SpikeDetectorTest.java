package vigil.operators.spike;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.operators.testing.Harnesses;
import vigil.operators.testing.Poisson;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Channel;
import vigil.schemas.TopicSignal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spike detector in a harness, driven by watermarks: 1 s slides, 5 s windows, 20 s warm-up,
 * 5 s quiet period, 30 s cool-down. Traffic is Poisson per source and second, seeded.
 */
class SpikeDetectorTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final SpikeSettings SETTINGS = new SpikeSettings(1_000, 5_000, 20_000, 60_000, 3.0, 15.0, 2.0, 2,
            5.0, 2, 1.0, 5_000, 5.0, 30_000, 3);

    private KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> harness;
    private final Random random = new Random(11);
    private long ids;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void opensUpdatesAndResolvesACorroboratedSpike() throws Exception {
        harness = open(null, false);
        traffic("billing", 0, 60, normal());
        assertThat(alerts()).as("steady traffic after warm-up").isEmpty();

        // Given billing complaints x3 in calls and chats, then in social posts too
        traffic("billing", 60, 70, rates(12, 12, 1));
        traffic("billing", 70, 80, rates(12, 12, 6));
        traffic("billing", 80, 100, normal());

        List<Alert> alerts = alerts();
        assertThat(alerts).extracting(Alert::getStatus).startsWith(AlertStatus.OPENED).endsWith(AlertStatus.RESOLVED)
                .contains(AlertStatus.UPDATED);
        assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
        Alert opened = alerts.get(0);
        assertThat(opened.getOpenedAt()).isBetween(T0 + 60_000, T0 + 65_000);
        assertThat(opened.getSources()).contains(Channel.CALL, Channel.CHAT);
        assertThat(opened.getDetector()).isEqualTo(SpikeDetector.DETECTOR);
        assertThat(opened.getTopic()).isEqualTo("billing");
        assertThat(opened.getReason()).startsWith("billing complaints at").contains("CALL (").contains("expected");
        assertThat(opened.getEvidence()).isNotEmpty().allSatisfy(e -> assertThat(e).matches("(CALL|CHAT) ev-\\d+: .*"));
        assertThat(opened.getAffectedCustomers()).isPositive();
        Alert resolved = alerts.get(alerts.size() - 1);
        assertThat(resolved.getSources()).contains(Channel.SOCIAL);
        // Evidence that the rise is over gathers within slides once it ends, then the 5 s quiet period
        assertThat(resolved.getUpdatedAt()).isBetween(T0 + 80_000, T0 + 90_000);
        assertThat(resolved.getReason()).contains("back to baseline");

        // When the topic goes silent, its timers stop and only the learned baseline stays
        harness.processWatermark(new Watermark(T0 + 3_600_000));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).as("the baseline, no customers").isEqualTo(1);
    }

    @Test
    void resolvesSoonAfterTheRiseEndsAcrossARestore() throws Exception {
        harness = open(null, false);
        traffic("billing", 0, 60, normal());
        traffic("billing", 60, 70, rates(12, 12, 1));
        traffic("billing", 70, 72, normal());
        String id = alerts().get(0).getAlertId();
        assertThat(alerts()).extracting(Alert::getStatus).doesNotContain(AlertStatus.RESOLVED);

        // Given a restore while the alert winds down
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0 + 72_000);
        harness.close();
        harness = open(snapshot, false);
        traffic("billing", 72, 95, normal());

        // Then it resolves after the 5 s quiet period, not after the capped evidence has drained away
        List<Alert> after = alerts();
        assertThat(after).extracting(Alert::getStatus).containsExactly(AlertStatus.RESOLVED);
        assertThat(after.get(0).getAlertId()).isEqualTo(id);
        assertThat(after.get(0).getUpdatedAt()).isBetween(T0 + 75_000, T0 + 79_000);

        // And after the 30 s cool-down, steady traffic opens nothing; a silent topic keeps only its baseline
        traffic("billing", 95, 160, normal());
        assertThat(alerts()).hasSize(1);
        harness.processWatermark(new Watermark(T0 + 3_600_000));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void doesNotAlertWhileTheBaselineWarmsUp() throws Exception {
        harness = open(null, false);
        // Traffic begins with a burst: without a baseline anything looks like a spike
        traffic("outage", 0, 10, rates(30, 30, 10));
        traffic("outage", 10, 300, normal());
        assertThat(alerts()).as("no alert storm at start, none on steady noise").isEmpty();
    }

    @Test
    void aSingleSourceNeedsToBeExtreme() throws Exception {
        harness = open(null, false);
        traffic("login", 0, 60, normal());
        traffic("login", 60, 75, rates(12, 4, 1));
        traffic("login", 75, 100, normal());
        assertThat(alerts()).as("3x in one source is not corroborated").isEmpty();

        traffic("login", 100, 110, rates(40, 4, 1));
        assertThat(alerts()).extracting(Alert::getStatus).startsWith(AlertStatus.OPENED)
                .containsOnly(AlertStatus.OPENED, AlertStatus.UPDATED);
        assertThat(alerts().get(0).getSources()).containsExactly(Channel.CALL);
    }

    @Test
    void aResolvedTopicCoolsDownBeforeItAlertsAgain() throws Exception {
        harness = open(null, false);
        traffic("delivery", 0, 60, normal());
        traffic("delivery", 60, 70, rates(12, 12, 1));
        traffic("delivery", 70, 85, normal());
        assertThat(alerts()).extracting(Alert::getStatus).startsWith(AlertStatus.OPENED).endsWith(AlertStatus.RESOLVED)
                .containsOnlyOnce(AlertStatus.OPENED, AlertStatus.RESOLVED);
        int before = alerts().size();
        long resolvedAt = alerts().get(before - 1).getUpdatedAt();

        // A second rise within the 30 s cool-down is suppressed, one after it opens a new alert
        traffic("delivery", 85, 92, rates(12, 12, 1));
        traffic("delivery", 92, 130, normal());
        assertThat(alerts()).hasSize(before);
        traffic("delivery", 130, 140, rates(12, 12, 1));
        List<Alert> alerts = alerts();
        assertThat(alerts.size()).isGreaterThan(before);
        assertThat(alerts.get(before).getStatus()).isEqualTo(AlertStatus.OPENED);
        assertThat(alerts.get(before).getOpenedAt()).isGreaterThanOrEqualTo(resolvedAt + 30_000);
        assertThat(alerts.get(before).getAlertId()).isNotEqualTo(alerts.get(0).getAlertId());
    }

    @Test
    void topicsAreDetectedIndependently() throws Exception {
        harness = open(null, false);
        for (int second = 0; second < 90; second++) {
            traffic("billing", second, second + 1, second >= 60 && second < 70 ? rates(12, 12, 1) : normal());
            traffic("outage", second, second + 1, normal());
        }
        assertThat(alerts()).extracting(Alert::getTopic).containsOnly("billing");
    }

    @Test
    void detectorStateSurvivesSnapshotAndRestoreOnRocksDb() throws Exception {
        harness = open(null, true);
        traffic("billing", 0, 60, normal());
        traffic("billing", 60, 66, rates(12, 12, 1));
        assertThat(alerts()).extracting(Alert::getStatus).startsWith(AlertStatus.OPENED)
                .containsOnly(AlertStatus.OPENED, AlertStatus.UPDATED);
        String id = alerts().get(0).getAlertId();
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0 + 66_000);
        harness.close();

        // After a restore the baseline is there (no new warm-up) and the open alert goes on
        harness = open(snapshot, true);
        traffic("billing", 66, 70, rates(12, 12, 1));
        traffic("billing", 70, 90, normal());
        List<Alert> after = alerts();
        assertThat(after).extracting(Alert::getStatus).doesNotContain(AlertStatus.OPENED).endsWith(AlertStatus.RESOLVED);
        assertThat(after).extracting(Alert::getAlertId).containsOnly(id);
    }

    private static Map<Channel, Double> normal() {
        return rates(4, 4, 1);
    }

    private static Map<Channel, Double> rates(double calls, double chats, double social) {
        Map<Channel, Double> rates = new EnumMap<>(Channel.class);
        rates.put(Channel.CALL, calls);
        rates.put(Channel.CHAT, chats);
        rates.put(Channel.SOCIAL, social);
        rates.put(Channel.CLICK, 2.0);
        return rates;
    }

    /** Poisson traffic per second and source for [from, to) seconds, the watermark following each second. */
    private void traffic(String topic, int from, int to, Map<Channel, Double> perSecond) throws Exception {
        for (int second = from; second < to; second++) {
            for (Map.Entry<Channel, Double> rate : perSecond.entrySet()) {
                int n = Poisson.draw(rate.getValue(), random);
                for (int i = 0; i < n; i++) {
                    long ts = T0 + second * 1000L + (long) (random.nextDouble() * 1000);
                    TopicSignal signal = TopicSignal.newBuilder().setTopic(topic).setChannel(rate.getKey())
                            .setTimestamp(ts).setInteractionId("ev-" + ids++).setCustomerId("C" + random.nextInt(500))
                            .setEvidence("the " + topic + " is wrong again").build();
                    harness.processElement(new StreamRecord<>(signal, ts));
                }
            }
            harness.processWatermark(new Watermark(T0 + (second + 1) * 1000L));
        }
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> open(
            OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SpikeDetector(SETTINGS)),
                TopicSignal::getTopic, Types.STRING);
        return Harnesses.start(h, restoreFrom, rocksDb);
    }

    @SuppressWarnings("unused")
    private String describe(List<Alert> alerts) {
        return alerts.stream().map(a -> a.getStatus() + " " + a.getUpdatedAt() + " " + a.getReason())
                .collect(Collectors.joining("\n"));
    }
}
