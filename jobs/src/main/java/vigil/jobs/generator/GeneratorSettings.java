package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** What the traffic generator makes: how many customers, how fast, which seed, faults and incidents. */
public final class GeneratorSettings {
    /** 2025-01-01T00:00:00Z: a fixed default so that the default settings are reproducible too. */
    public static final long DEFAULT_START_TIME = 1_735_689_600_000L;

    private final int customers;
    private final long seed;
    private final double eventsPerSecond;
    private final long startTime;
    private final double malformedFraction;
    private final int maxTextChars;
    private final List<Incident> incidents;
    private final Map<StreamId, Double> channelMix;
    private final List<Double> dailyProfile;

    private GeneratorSettings(Builder b) {
        this.customers = b.customers;
        this.seed = b.seed;
        this.eventsPerSecond = b.eventsPerSecond;
        this.startTime = b.startTime;
        this.malformedFraction = b.malformedFraction;
        this.maxTextChars = b.maxTextChars;
        this.incidents = List.copyOf(b.incidents);
        this.channelMix = Collections.unmodifiableMap(new EnumMap<>(b.channelMix));
        this.dailyProfile = List.copyOf(b.dailyProfile);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static GeneratorSettings defaults() {
        return builder().build();
    }

    /** The demo's billing outage: from minute 5 for 10 minutes, billing complaints x8 in every channel. */
    public static Incident demoIncident() {
        return new Incident("billing", EnumSet.of(StreamId.CALLS, StreamId.CHATS, StreamId.SOCIAL, StreamId.CLICKS),
                Duration.ofMinutes(5), Duration.ofMinutes(10), 8.0);
    }

    /**
     * The demo's billing outage scaled to a demo of {@code length}: from 25 % of it, for 20 % of it, so that
     * its alert opens and resolves (after the quiet period) while the event time of a lagging job is still
     * inside the run.
     */
    public static Incident demoIncident(Duration length) {
        return new Incident("billing", EnumSet.of(StreamId.CALLS, StreamId.CHATS, StreamId.SOCIAL, StreamId.CLICKS),
                length.dividedBy(4), length.dividedBy(5), 8.0);
    }

    public static List<Incident> defaultDemoIncidents() {
        return List.of(demoIncident());
    }

    /** These settings with the demo incident added. */
    public GeneratorSettings withDefaultDemoIncident() {
        List<Incident> all = new ArrayList<>(incidents);
        all.add(demoIncident());
        return toBuilder().incidents(all).build();
    }

    public Builder toBuilder() {
        return builder().customers(customers).seed(seed).eventsPerSecond(eventsPerSecond).startTime(startTime)
                .malformedFraction(malformedFraction).maxTextChars(maxTextChars).incidents(incidents)
                .channelMix(channelMix).dailyProfile(dailyProfile);
    }

    public int customers() {
        return customers;
    }

    public long seed() {
        return seed;
    }

    /** Average records per second of event time. */
    public double eventsPerSecond() {
        return eventsPerSecond;
    }

    /** Event time of the first record, epoch milliseconds. */
    public long startTime() {
        return startTime;
    }

    public double malformedFraction() {
        return malformedFraction;
    }

    /** The decoder's text limit; TEXT_TOO_LARGE records are made clearly longer than this. */
    public int maxTextChars() {
        return maxTextChars;
    }

    public List<Incident> incidents() {
        return incidents;
    }

    /** Relative share of records per input stream (not necessarily summing to 1). */
    public Map<StreamId, Double> channelMix() {
        return channelMix;
    }

    /**
     * Traffic multiplier per hour of the day (UTC), 24 values, interpolated between hour midpoints;
     * empty (the default) for a flat rate. eventsPerSecond is the rate at multiplier 1.
     */
    public List<Double> dailyProfile() {
        return dailyProfile;
    }

    /** The daily profile's multiplier at an event time. */
    public double dailyFactor(long time) {
        if (dailyProfile.isEmpty()) {
            return 1;
        }
        double hour = Math.floorMod(time, 86_400_000L) / 3_600_000.0 - 0.5;
        int below = (int) Math.floor(hour);
        double frac = hour - below;
        return (1 - frac) * dailyProfile.get(Math.floorMod(below, 24)) + frac * dailyProfile.get(Math.floorMod(below + 1, 24));
    }

    /** Defaults: 1000 customers, seed 42, 200 events/s, 0.1 % malformed, 16 KiB texts, no incidents. */
    public static final class Builder {
        private int customers = 1000;
        private long seed = 42;
        private double eventsPerSecond = 200;
        private long startTime = DEFAULT_START_TIME;
        private double malformedFraction = 0.001;
        private int maxTextChars = 16_384;
        private List<Incident> incidents = List.of();
        private final Map<StreamId, Double> channelMix = defaultMix();
        private List<Double> dailyProfile = List.of();

        private Builder() {}

        /** 24 multipliers, one per hour of the day (UTC), each > 0; an empty list for a flat rate. */
        public Builder dailyProfile(List<Double> profile) {
            if (!profile.isEmpty() && (profile.size() != 24
                    || profile.stream().anyMatch(m -> m == null || !(m > 0) || m.isInfinite()))) {
                throw new IllegalArgumentException("the daily profile needs 24 positive multipliers, one per hour");
            }
            this.dailyProfile = List.copyOf(profile);
            return this;
        }

        public Builder customers(int customers) {
            this.customers = customers;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder eventsPerSecond(double eventsPerSecond) {
            this.eventsPerSecond = eventsPerSecond;
            return this;
        }

        public Builder startTime(long startTime) {
            this.startTime = startTime;
            return this;
        }

        public Builder malformedFraction(double malformedFraction) {
            this.malformedFraction = malformedFraction;
            return this;
        }

        public Builder maxTextChars(int maxTextChars) {
            this.maxTextChars = maxTextChars;
            return this;
        }

        public Builder incidents(List<Incident> incidents) {
            this.incidents = List.copyOf(incidents);
            return this;
        }

        /** Replaces the whole mix; streams left out get no records. */
        public Builder channelMix(Map<StreamId, Double> mix) {
            channelMix.clear();
            mix.forEach(this::channelShare);
            return this;
        }

        public Builder channelShare(StreamId stream, double share) {
            if (!defaultMix().containsKey(stream) || !(share >= 0) || Double.isInfinite(share)) {
                throw new IllegalArgumentException("channel share must be >= 0 for an input stream: "
                        + stream + "=" + share);
            }
            channelMix.put(stream, share);
            return this;
        }

        public GeneratorSettings build() {
            require(customers >= 1, "customers must be at least 1");
            require(eventsPerSecond > 0 && !Double.isInfinite(eventsPerSecond), "eventsPerSecond must be > 0");
            require(malformedFraction >= 0 && malformedFraction <= 1, "malformedFraction must be in [0, 1]");
            require(maxTextChars >= 1, "maxTextChars must be at least 1");
            require(channelMix.values().stream().mapToDouble(Double::doubleValue).sum() > 0,
                    "the channel mix needs at least one positive share");
            return new GeneratorSettings(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        private static Map<StreamId, Double> defaultMix() {
            Map<StreamId, Double> mix = new EnumMap<>(StreamId.class);
            mix.put(StreamId.CLICKS, 0.45);
            mix.put(StreamId.CHATS, 0.20);
            mix.put(StreamId.CALLS, 0.20);
            mix.put(StreamId.SOCIAL, 0.08);
            mix.put(StreamId.PROFILES, 0.05);
            mix.put(StreamId.OUTCOMES, 0.02);
            return mix;
        }
    }
}
