package vigil.jobs.eval;

import vigil.jobs.generator.GeneratorSettings;
import vigil.jobs.generator.Incident;
import vigil.schemas.streams.StreamId;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A scenario for eval-alerts (YAML or JSON, see the README): baseline traffic (customers, rates per
 * source, daily pattern) and incidents (topic, sources, start, duration, magnitude).
 */
public class Scenario implements Serializable {
    private static final long serialVersionUID = 1L;

    public String name = "scenario";
    public String description = "";
    public long seed = 42;
    /** Simulated event time. */
    public Duration length = Duration.ofHours(24);
    public int customers = 2000;
    /** Days before today (UTC midnight) the simulated day starts; it must lie in the past. */
    public int daysAgo = 2;
    /** Records per second per input stream at daily multiplier 1. */
    public Map<StreamId, Double> rates = new EnumMap<>(StreamId.class);
    /** 24 multipliers, one per hour of the day (UTC); empty for a flat rate. */
    public List<Double> daily = new ArrayList<>();
    public double malformed = 0;
    /** An alert opened up to this long after an incident's end still counts as detecting it. */
    public Duration grace = Duration.ofMinutes(2);
    public List<IncidentSpec> incidents = new ArrayList<>();

    public static class IncidentSpec implements Serializable {
        private static final long serialVersionUID = 1L;

        public String topic;
        public List<StreamId> sources = new ArrayList<>();
        /** Offset from the start of the simulated day. */
        public Duration start;
        public Duration duration;
        public double magnitude;

        Incident toIncident() {
            return new Incident(topic, EnumSet.copyOf(sources), start, duration, magnitude);
        }

        /** The target class: at least 3x in at least two sources. */
        public boolean isTargetClass() {
            return magnitude >= 3 && sources.size() >= 2;
        }
    }

    public long startTime() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    public long endTime() {
        return startTime() + length.toMillis();
    }

    public double eventsPerSecond() {
        return rates.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public GeneratorSettings generatorSettings() {
        List<Incident> list = new ArrayList<>();
        incidents.forEach(spec -> list.add(spec.toIncident()));
        return GeneratorSettings.builder().customers(customers).seed(seed).eventsPerSecond(eventsPerSecond())
                .startTime(startTime()).malformedFraction(malformed).channelMix(rates).dailyProfile(daily)
                .incidents(list).build();
    }

    /** Fails with a readable message on anything the generator or the evaluation cannot use. */
    public void validate() {
        if (rates.isEmpty() || eventsPerSecond() <= 0) {
            throw new IllegalArgumentException("scenario '" + name + "': rates per source are required");
        }
        if (daysAgo * 86_400_000L < length.toMillis()) {
            throw new IllegalArgumentException("scenario '" + name + "': daysAgo must cover the length (event time "
                    + "may not run ahead of the job's clock)");
        }
        generatorSettings();
    }
}
