package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How often each topic comes up per channel, and how incidents change that: an active incident
 * multiplies its topic's weight, and the channel's volume grows by the extra complaints.
 */
final class TopicMix {
    private static final Topic[] TOPICS = Topic.values();
    // Order: BILLING, OUTAGE, CANCELLATION, DELIVERY, DEFECT, LOGIN, PRICING, AGENT_CONDUCT, PRAISE, QUESTION.
    private static final Map<StreamId, double[]> BASE = new EnumMap<>(Map.of(
            StreamId.CALLS, new double[] {16, 13, 8, 6, 8, 4, 7, 3, 4, 31},
            StreamId.CHATS, new double[] {14, 10, 6, 9, 7, 9, 6, 2, 4, 33},
            StreamId.SOCIAL, new double[] {10, 18, 6, 7, 7, 5, 9, 7, 13, 18}));

    private final List<Incident> incidents;
    private final long startTime;
    private final double[] scratch = new double[TOPICS.length];

    TopicMix(List<Incident> incidents, long startTime) {
        this.incidents = incidents;
        this.startTime = startTime;
    }

    /** The topic of a new conversation or post; grumpy customers pick complaints more often. */
    Topic pick(StreamId stream, double grumpiness, long time, Random rnd) {
        double[] base = BASE.get(stream);
        for (int i = 0; i < TOPICS.length; i++) {
            Topic topic = TOPICS[i];
            scratch[i] = base[i] * (topic.isComplaint() ? grumpiness : 1) * multiplier(stream, topic, time);
        }
        return TOPICS[Weighted.pick(scratch, rnd)];
    }

    /** Product of the magnitudes of the incidents on this topic and stream active at {@code time}. */
    double multiplier(StreamId stream, Topic topic, long time) {
        double m = 1;
        for (Incident incident : incidents) {
            if (incident.parsedTopic() == topic && incident.affects(stream) && incident.isActiveAt(time - startTime)) {
                m *= incident.magnitude();
            }
        }
        return m;
    }

    /** Traffic of a channel relative to normal: 1 unless an incident adds complaints to it. */
    double volume(StreamId stream, long time) {
        double[] base = BASE.get(stream);
        if (base == null || incidents.isEmpty()) {
            return 1;
        }
        double normal = 0;
        double now = 0;
        for (int i = 0; i < TOPICS.length; i++) {
            normal += base[i];
            now += base[i] * multiplier(stream, TOPICS[i], time);
        }
        return now / normal;
    }
}
