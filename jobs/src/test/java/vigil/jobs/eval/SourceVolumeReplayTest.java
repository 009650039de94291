package vigil.jobs.eval;

import org.junit.jupiter.api.Test;
import vigil.jobs.config.VigilConfig;
import vigil.schemas.Alert;
import vigil.schemas.Channel;
import vigil.schemas.TopicSignal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spike detector with its source-volume readings, wired as the job wires them ({@code SpikeAlerts}), on
 * seeded Poisson complaint signals (synthetic): a busy hour that ramps every topic of calls and chats up
 * must not look like a spike once baselines follow the source's volume, whereas a real incident in one
 * topic must still open its alert.
 */
class SourceVolumeReplayTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final List<String> TOPICS = List.of("billing", "outage", "delivery", "login", "pricing", "defect");
    private static final long MINUTE = 60_000;

    @Test
    void aRampInEveryTopicIsNotASpikeButAnIncidentStillIs() throws Exception {
        List<TopicSignal> signals = traffic(new Random(5));
        List<Alert> withVolumes = new AlertEvaluation(config(Duration.ofMinutes(2))).replay(signals).alerts();
        List<Alert> without = new AlertEvaluation(config(Duration.ZERO)).replay(signals).alerts();

        assertThat(opened(without)).as("without the source's volume the ramp opens alerts besides the incident")
                .anySatisfy(a -> assertThat(a.getTopic()).isNotEqualTo("billing"));
        assertThat(opened(withVolumes)).as("with it only the incident alerts").isNotEmpty()
                .allSatisfy(a -> assertThat(a.getTopic()).isEqualTo("billing"));
        assertThat(opened(withVolumes).get(0).getOpenedAt()).isBetween(T0 + 150 * MINUTE, T0 + 152 * MINUTE);
    }

    private static List<Alert> opened(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.getStatus() == vigil.schemas.AlertStatus.OPENED).toList();
    }

    private static VigilConfig config(Duration volumeHalfLife) {
        VigilConfig config = new VigilConfig();
        config.spikes.volumeHalfLife = volumeHalfLife;
        return config;
    }

    /**
     * An hour at the usual rate, then calls and chats ramp up to 3x in every topic within 20 minutes and stay
     * there; social posts stay as they were. At 2 h 30 billing triples in calls and social posts for 10 minutes.
     */
    private static List<TopicSignal> traffic(Random random) {
        List<TopicSignal> signals = new ArrayList<>();
        long id = 0;
        for (long second = 0; second < 3 * 60 * 60; second++) {
            long t = T0 + second * 1000;
            double busy = second < 3600 ? 1 : Math.min(3, 1 + 2 * (second - 3600) / 1200.0);
            boolean incident = second >= 150 * 60 && second < 160 * 60;
            for (String topic : TOPICS) {
                for (Channel source : List.of(Channel.CALL, Channel.CHAT, Channel.SOCIAL)) {
                    double rate = 0.15 * (source == Channel.SOCIAL ? 1 : busy);
                    if (incident && topic.equals("billing") && source != Channel.CHAT) {
                        rate *= 3;
                    }
                    for (int n = PoissonSignals.poisson(rate, random); n > 0; n--) {
                        long ts = t + random.nextInt(1000);
                        signals.add(TopicSignal.newBuilder().setTopic(topic).setChannel(source).setTimestamp(ts)
                                .setInteractionId("ev-" + id).setCustomerId("C" + id++).setEvidence("synthetic").build());
                    }
                }
            }
        }
        signals.sort(Comparator.comparingLong(TopicSignal::getTimestamp));
        return signals;
    }
}
