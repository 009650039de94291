package vigil.operators.spike;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
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
import vigil.schemas.SourceBaseline;
import vigil.schemas.SpikeState;
import vigil.schemas.TopicSignal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline's trend (Holt) in a harness, driven by watermarks, on the scale of {@link SpikeDetectorTest}
 * (1 s slides, 5 s windows, 20 s warm-up, 60 s half-life) with a 30 s trend half-life: a steady ramp of
 * every source (4 half-lives from 1x to 4x, as steep for the baseline as the compressed quiet day's
 * morning) is followed and opens no alert, a 3x step in two sources still opens one. Traffic is Poisson per source and second, seeded, generated before it is
 * fed so that two harnesses can be given the same.
 */
class TrendBaselineTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final SpikeSettings TREND = settings(30_000);
    private static final SpikeSettings NO_TREND = settings(0);
    /** Complaints per second at the baseline: calls, chats, social posts, clicks. */
    private static final double[] BASE = {3, 3, 1, 1};

    private final List<KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert>> harnesses = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var harness : harnesses) {
            harness.close();
        }
    }

    @Test
    void aSteadyRampDoesNotOpenAnAlert() throws Exception {
        // 100 s at the baseline, then every source climbs by 3x its baseline within 240 s (4 half-lives)
        List<List<TopicSignal>> ramp = traffic(280, (second, channel) -> ramp(second), 7);
        double actual = BASE[Channel.CALL.ordinal()] * 5 * ramp(280 - 3);   // calls in the newest 5 s window

        var withTrend = open(TREND, null, false);
        feed(withTrend, ramp, 0, 280);
        assertThat(alerts(withTrend)).as("the trend follows the ramp").isEmpty();
        assertThat(expected(withTrend, Channel.CALL) / actual).as("expected over actual calls").isBetween(0.9, 1.12);
        assertThat(baseline(withTrend, Channel.CALL).getTrend()).isPositive();

        // The same traffic against the moving average alone: it lags the ramp by a third
        var withoutTrend = open(NO_TREND, null, false);
        feed(withoutTrend, ramp, 0, 280);
        assertThat(expected(withoutTrend, Channel.CALL) / actual).isLessThan(0.8);
        assertThat(baseline(withoutTrend, Channel.CALL).getTrend()).isZero();
    }

    @Test
    void aThreeFoldStepInTwoSourcesStillOpensAnAlert() throws Exception {
        // Steady for 100 s, then calls and chats at 3x for 10 s, then steady again
        List<List<TopicSignal>> step = traffic(160, (second, channel) -> second >= 100 && second < 110
                && (channel == Channel.CALL || channel == Channel.CHAT) ? 3 : 1, 11);
        var harness = open(TREND, null, false);
        feed(harness, step, 0, 160);

        List<Alert> alerts = alerts(harness);
        assertThat(alerts).extracting(Alert::getStatus).startsWith(AlertStatus.OPENED).endsWith(AlertStatus.RESOLVED);
        assertThat(alerts.get(0).getOpenedAt()).isBetween(T0 + 100_000, T0 + 106_000);
        assertThat(alerts.get(0).getSources()).contains(Channel.CALL, Channel.CHAT);

        // A silent topic keeps only its baseline: no timers, no customers
        harness.processWatermark(new Watermark(T0 + 3_600_000));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void theTrendSurvivesSnapshotAndRestoreOnRocksDb() throws Exception {
        // The ramp, then a 3x step in calls and chats late in it: the alert's expected counts come from the trend
        List<List<TopicSignal>> traffic = traffic(330, (second, channel) -> second >= 300 && second < 310
                && (channel == Channel.CALL || channel == Channel.CHAT) ? 3 * ramp(second) : ramp(second), 13);
        var uninterrupted = open(TREND, null, false);
        feed(uninterrupted, traffic, 0, 330);

        // Given a snapshot in the middle of the ramp, with a trend learned
        var before = open(TREND, null, true);
        feed(before, traffic, 0, 200);
        double trend = baseline(before, Channel.CALL).getTrend();
        assertThat(trend).isPositive();
        OperatorSubtaskState snapshot = before.snapshot(1L, T0 + 200_000);
        var restored = open(TREND, snapshot, true);
        assertThat(baseline(restored, Channel.CALL).getTrend()).isEqualTo(trend);
        feed(restored, traffic, 200, 330);

        // Then the restored detector raises exactly the alerts of the uninterrupted one, reasons and all
        List<Alert> expected = alerts(uninterrupted);
        assertThat(expected).extracting(Alert::getStatus).contains(AlertStatus.OPENED);
        assertThat(expected.get(0).getOpenedAt()).isBetween(T0 + 300_000, T0 + 306_000);
        assertThat(alerts(before)).isEmpty();
        assertThat(alerts(restored)).containsExactlyElementsOf(expected);
    }

    /** 1x for 100 s, then up by 3x the baseline every 240 s. */
    private static double ramp(int second) {
        return second < 100 ? 1 : 1 + 3 * (second - 100) / 240.0;
    }

    /** A source's baseline in the detector's state (heap or RocksDB), as the operator would read it. */
    private static SourceBaseline baseline(KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> harness,
                                           Channel channel) throws Exception {
        var backend = ((AbstractStreamOperator<?>) harness.getOperator()).<String>getKeyedStateBackend();
        backend.setCurrentKey("billing");
        SpikeState state = backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                SpikeDescriptors.state()).value();
        return state.getBaselines().get(channel.ordinal());
    }

    private static double expected(KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> harness,
                                   Channel channel) throws Exception {
        return BaselineModel.expectedWindow(baseline(harness, channel), TREND);
    }

    /** The multiple of a source's baseline rate in a second of traffic. */
    private interface Multiple {
        double of(int second, Channel channel);
    }

    private static SpikeSettings settings(long trendHalfLifeMs) {
        return new SpikeSettings(1_000, 5_000, 20_000, 60_000, 3.0, 15.0, 2.0, 2, 5.0, 2, 1.0, 5_000, 5.0, 30_000, 3,
                trendHalfLifeMs);
    }

    /** Signals for each of the first {@code seconds} seconds: Poisson counts at the baseline times the multiple. */
    private static List<List<TopicSignal>> traffic(int seconds, Multiple multiple, long seed) {
        Random random = new Random(seed);
        List<List<TopicSignal>> traffic = new ArrayList<>();
        long ids = 0;
        for (int second = 0; second < seconds; second++) {
            List<TopicSignal> signals = new ArrayList<>();
            for (Channel channel : new Channel[] {Channel.CALL, Channel.CHAT, Channel.SOCIAL, Channel.CLICK}) {
                double rate = BASE[channel.ordinal()] * multiple.of(second, channel);
                for (int n = Poisson.draw(rate, random); n > 0; n--) {
                    long ts = T0 + second * 1000L + (long) (random.nextDouble() * 1000);
                    signals.add(TopicSignal.newBuilder().setTopic("billing").setChannel(channel).setTimestamp(ts)
                            .setInteractionId("ev-" + ids++).setCustomerId("C" + ids)
                            .setEvidence("charged twice").build());
                }
            }
            traffic.add(signals);
        }
        return traffic;
    }

    /** Feeds seconds [from, to) of the traffic, the watermark following each second. */
    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> harness,
                             List<List<TopicSignal>> traffic, int from, int to) throws Exception {
        for (int second = from; second < to; second++) {
            for (TopicSignal signal : traffic.get(second)) {
                harness.processElement(new StreamRecord<>(signal, signal.getTimestamp()));
            }
            harness.processWatermark(new Watermark(T0 + (second + 1) * 1000L));
        }
    }

    private static List<Alert> alerts(KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> harness) {
        return harness.extractOutputValues();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, TopicSignal, Alert> open(
            SpikeSettings settings, OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SpikeDetector(settings)),
                TopicSignal::getTopic, Types.STRING);
        harnesses.add(harness);
        return Harnesses.start(harness, restoreFrom, rocksDb);
    }
}
