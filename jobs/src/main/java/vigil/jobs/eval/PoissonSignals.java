package vigil.jobs.eval;

import vigil.jobs.generator.GeneratorSettings;
import vigil.schemas.Channel;
import vigil.schemas.TopicSignal;
import vigil.schemas.streams.StreamId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Complaint signals drawn as Poisson counts at a multiple of the rates measured in a recorded run: for
 * every topic and source, the rate outside that topic's incidents (each customer once per source and 30 s,
 * as the detector counts), times {@code scale}, times the incident's magnitude while an incident lifts that
 * topic in that source (a step, without the ramp of multi-turn conversations), times the scenario's daily
 * pattern. Every signal comes from a different customer. This shows the detector's statistics against the
 * complaint rate without running the text analyzer; it is not the job's end-to-end figure.
 */
final class PoissonSignals {
    private static final long COUNT_ONCE_MS = 30_000;
    private static final long STEP_MS = 1_000;

    private PoissonSignals() {}

    static List<TopicSignal> generate(Scenario scenario, List<TopicSignal> measured, double scale, long seed) {
        long start = scenario.startTime();
        long end = scenario.endTime();
        Map<String, Double> perMs = measuredRates(scenario, measured, start, end);
        GeneratorSettings traffic = scenario.generatorSettings();
        double meanDaily = meanDailyFactor(traffic, start, end);
        Random random = new Random(seed);
        List<TopicSignal> out = new ArrayList<>();
        long id = 0;
        for (Map.Entry<String, Double> rate : perMs.entrySet()) {
            String topic = rate.getKey().substring(0, rate.getKey().indexOf('|'));
            Channel channel = Channel.valueOf(rate.getKey().substring(rate.getKey().indexOf('|') + 1));
            for (long t = start; t < end; t += STEP_MS) {
                double lambda = rate.getValue() * scale * STEP_MS * magnitude(scenario, topic, channel, t - start)
                        * traffic.dailyFactor(t) / meanDaily;
                for (int n = poisson(lambda, random); n > 0; n--) {
                    long ts = t + (long) (random.nextDouble() * STEP_MS);
                    out.add(TopicSignal.newBuilder().setTopic(topic).setChannel(channel).setTimestamp(ts)
                            .setInteractionId("poisson-" + id).setCustomerId("P" + id++)
                            .setEvidence("synthetic " + topic + " complaint").build());
                }
            }
        }
        out.sort(Comparator.comparingLong(TopicSignal::getTimestamp));
        return out;
    }

    /** Signals per millisecond for each "topic|CHANNEL", counted as the detector counts, outside incidents. */
    static Map<String, Double> measuredRates(Scenario scenario, List<TopicSignal> measured, long start, long end) {
        Map<String, Long> lastCounted = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (TopicSignal s : measured) {
            long offset = s.getTimestamp() - start;
            if (s.getTimestamp() < start || s.getTimestamp() >= end
                    || magnitude(scenario, s.getTopic(), s.getChannel(), offset) != 1.0) {
                continue;
            }
            String who = s.getTopic() + "|" + s.getChannel() + "|" + s.getCustomerId();
            Long last = lastCounted.get(who);
            if (last == null || Math.abs(s.getTimestamp() - last) >= COUNT_ONCE_MS) {
                lastCounted.put(who, s.getTimestamp());
                counts.merge(s.getTopic() + "|" + s.getChannel(), 1L, Long::sum);
            }
        }
        Map<String, Double> rates = new java.util.TreeMap<>();
        counts.forEach((key, n) -> {
            String topic = key.substring(0, key.indexOf('|'));
            Channel channel = Channel.valueOf(key.substring(key.indexOf('|') + 1));
            long quiet = 0;
            for (long t = start; t < end; t += STEP_MS) {
                quiet += magnitude(scenario, topic, channel, t - start) == 1.0 ? STEP_MS : 0;
            }
            rates.put(key, n / (double) Math.max(quiet, 1));
        });
        return rates;
    }

    /** The product of the magnitudes of the scenario's incidents lifting this topic in this source at the offset. */
    static double magnitude(Scenario scenario, String topic, Channel channel, long offsetMs) {
        double m = 1.0;
        for (Scenario.IncidentSpec incident : scenario.incidents) {
            boolean active = offsetMs >= incident.start.toMillis()
                    && offsetMs < incident.start.plus(incident.duration).toMillis();
            if (active && incident.topic.equalsIgnoreCase(topic) && incident.sources.contains(stream(channel))) {
                m *= incident.magnitude;
            }
        }
        return m;
    }

    private static StreamId stream(Channel channel) {
        switch (channel) {
            case CALL: return StreamId.CALLS;
            case CHAT: return StreamId.CHATS;
            case SOCIAL: return StreamId.SOCIAL;
            default: return StreamId.CLICKS;
        }
    }

    private static double meanDailyFactor(GeneratorSettings traffic, long start, long end) {
        double sum = 0;
        long n = 0;
        for (long t = start; t < end; t += 60_000) {
            sum += traffic.dailyFactor(t);
            n++;
        }
        return n == 0 ? 1 : sum / n;
    }

    /** One Poisson draw (Knuth's method); also the replay test's traffic. */
    static int poisson(double lambda, Random random) {
        double limit = Math.exp(-lambda);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
