package vigil.jobs.eval;

import org.junit.jupiter.api.Test;
import vigil.schemas.Channel;
import vigil.schemas.TopicSignal;
import vigil.schemas.streams.StreamId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Poisson signals at a multiple of measured rates, for the detector-against-rate table. */
class PoissonSignalsTest {
    @Test
    void measuresRatesAsTheDetectorCountsAndOutsideIncidents() {
        Scenario scenario = scenario();
        long start = scenario.startTime();
        List<TopicSignal> measured = new ArrayList<>();
        // One CHAT complaint per 10 s from a new customer for the first hour; a customer who repeats within
        // 30 s counts once; during the incident (from 60 min) ten times as many, which must not count
        for (long t = 0; t < 3_600_000; t += 10_000) {
            measured.add(signal("billing", Channel.CHAT, start + t, "C" + t));
            measured.add(signal("billing", Channel.CHAT, start + t + 1_000, "C" + t));
        }
        for (long t = 3_600_000; t < 4_200_000; t += 1_000) {
            measured.add(signal("billing", Channel.CHAT, start + t, "I" + t));
        }
        Map<String, Double> rates = PoissonSignals.measuredRates(scenario, measured, start, scenario.endTime());
        // 360 counted over the 110 minutes outside the incident
        assertThat(rates.get("billing|CHAT") * 60_000).isCloseTo(360 / 110.0, within(1e-9));
    }

    @Test
    void drawsScaledCountsAndLiftsThemDuringIncidents() {
        Scenario scenario = scenario();
        long start = scenario.startTime();
        List<TopicSignal> measured = new ArrayList<>();
        for (long t = 0; t < 3_600_000; t += 10_000) {
            measured.add(signal("billing", Channel.CHAT, start + t, "C" + t));
        }
        List<TopicSignal> drawn = PoissonSignals.generate(scenario, measured, 4, 3);
        long quiet = drawn.stream().filter(s -> s.getTimestamp() < start + 3_600_000).count();
        long incident = drawn.stream().filter(s -> s.getTimestamp() >= start + 3_600_000
                && s.getTimestamp() < start + 4_200_000).count();
        // 360 in the 110 quiet minutes, x 4: 785 an hour (sd 28); the 10-minute incident at 3x: 393 (sd 20)
        assertThat(quiet).isBetween(700L, 870L);
        assertThat(incident).isBetween(330L, 460L);
        assertThat(drawn).extracting(TopicSignal::getCustomerId).doesNotHaveDuplicates();
        assertThat(drawn).isSortedAccordingTo(java.util.Comparator.comparingLong(TopicSignal::getTimestamp));
    }

    private static Scenario scenario() {
        Scenario scenario = new Scenario();
        scenario.length = Duration.ofHours(2);
        scenario.rates.put(StreamId.CHATS, 1.0);
        Scenario.IncidentSpec incident = new Scenario.IncidentSpec();
        incident.topic = "billing";
        incident.sources = List.of(StreamId.CHATS);
        incident.start = Duration.ofMinutes(60);
        incident.duration = Duration.ofMinutes(10);
        incident.magnitude = 3;
        scenario.incidents.add(incident);
        return scenario;
    }

    private static TopicSignal signal(String topic, Channel channel, long ts, String customer) {
        return TopicSignal.newBuilder().setTopic(topic).setChannel(channel).setTimestamp(ts)
                .setInteractionId("ev-" + ts).setCustomerId(customer).setEvidence("x").build();
    }
}
