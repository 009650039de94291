package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A scripted incident: for a while, complaints about one topic rise by {@code magnitude} in the
 * affected streams (in clicks: errors on the topic's pages, and visits to them).
 */
public final class Incident {
    /** The streams that carry complaints; profiles and outcomes do not. */
    private static final Set<StreamId> COMPLAINT_STREAMS =
            EnumSet.of(StreamId.CALLS, StreamId.CHATS, StreamId.SOCIAL, StreamId.CLICKS);

    private final String topic;
    private final Topic parsedTopic;
    private final Set<StreamId> streams;
    private final Duration start;
    private final Duration duration;
    private final double magnitude;

    /**
     * @param topic     e.g. "billing", "outage", "delivery", "login"
     * @param streams   some of CALLS, CHATS, SOCIAL, CLICKS
     * @param start     offset from the generator's start time
     * @param magnitude multiplier of the topic's complaint rate, e.g. 8.0
     */
    public Incident(String topic, Set<StreamId> streams, Duration start, Duration duration, double magnitude) {
        this.parsedTopic = Topic.forName(Objects.requireNonNull(topic, "topic"));
        this.topic = topic;
        if (streams.isEmpty() || !COMPLAINT_STREAMS.containsAll(streams)) {
            throw new IllegalArgumentException("incident streams must be some of " + COMPLAINT_STREAMS + ": " + streams);
        }
        if (start.isNegative() || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("incident start must be >= 0 and duration > 0");
        }
        if (!(magnitude > 0) || Double.isInfinite(magnitude)) {
            throw new IllegalArgumentException("incident magnitude must be a positive number: " + magnitude);
        }
        this.streams = Collections.unmodifiableSet(EnumSet.copyOf(streams));
        this.start = start;
        this.duration = duration;
        this.magnitude = magnitude;
    }

    public String topic() {
        return topic;
    }

    public Set<StreamId> streams() {
        return streams;
    }

    public Duration start() {
        return start;
    }

    public Duration duration() {
        return duration;
    }

    public double magnitude() {
        return magnitude;
    }

    /** True while the incident runs, given milliseconds since the generator's start time. */
    public boolean isActiveAt(long offsetMs) {
        return offsetMs >= start.toMillis() && offsetMs < start.plus(duration).toMillis();
    }

    public boolean affects(StreamId stream) {
        return streams.contains(stream);
    }

    Topic parsedTopic() {
        return parsedTopic;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Incident)) {
            return false;
        }
        Incident other = (Incident) o;
        return topic.equals(other.topic) && streams.equals(other.streams) && start.equals(other.start)
                && duration.equals(other.duration) && magnitude == other.magnitude;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, streams, start, duration, magnitude);
    }

    @Override
    public String toString() {
        return topic + " x" + magnitude + " on " + streams + " from " + start + " for " + duration;
    }
}
