package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * Reproducible synthetic traffic for the six input streams: {@link #next()} returns records in
 * (nearly) event-time order, event time advancing by 1/eventsPerSecond per record on average. The
 * same settings give the same bytes. Not thread-safe.
 */
public final class TrafficGenerator {
    /** Some clicks and social posts arrive late, by up to this much (below the job's 5 s bound). */
    public static final long MAX_LATENESS_MS = 2_000;

    private static final StreamId[] STREAMS = {StreamId.CALLS, StreamId.CHATS, StreamId.SOCIAL, StreamId.CLICKS,
        StreamId.PROFILES, StreamId.OUTCOMES};

    private final GeneratorSettings settings;
    private final World world;
    private final Random faults;
    private final Malformer malformer;
    private final double[] shares = new double[STREAMS.length];
    private final double[] weights = new double[STREAMS.length];
    private final double normalTotal;
    private final Map<StreamId, ActivityPool> pools = new EnumMap<>(StreamId.class);
    private final SocialEvents social;
    private final ProfileEvents profiles;
    private final OutcomeEvents outcomes;
    private final double intervalMs;
    private double elapsedMs;
    private long count;

    public TrafficGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.world = new World(settings);
        // Faults draw from their own source, so the valid traffic is the same whatever the fraction.
        this.faults = new Random(Ids.mix(settings.seed() + 1));
        this.malformer = new Malformer(faults, settings.maxTextChars());
        double total = 0;
        for (int i = 0; i < STREAMS.length; i++) {
            shares[i] = settings.channelMix().getOrDefault(STREAMS[i], 0.0);
            total += shares[i];
        }
        this.normalTotal = total;
        this.intervalMs = 1000.0 / settings.eventsPerSecond();
        this.social = new SocialEvents(world);
        this.profiles = new ProfileEvents(world);
        this.outcomes = new OutcomeEvents(world);
        // Aim at 10 s between turns of a call, 20 s in a chat, 8 s between clicks; less with few customers.
        startPool(StreamId.CALLS, 10, world.people.size() / 5, t -> new CallScript(world, t));
        startPool(StreamId.CHATS, 20, world.people.size() / 5, t -> new ChatScript(world, t));
        startPool(StreamId.CLICKS, 8, world.people.size() / 3, t -> new ClickJourney(world, t));
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** Records generated so far. */
    public long count() {
        return count;
    }

    public GeneratedRecord next() {
        long time = settings.startTime() + (long) elapsedMs;
        StreamId stream = STREAMS[Weighted.pick(currentWeights(time), world.rnd)];
        if (stream == StreamId.CLICKS || stream == StreamId.SOCIAL) {
            time = lateness(stream, time);
        }
        Draft draft = draft(stream, time);
        // Incidents add traffic on top of the normal rate instead of displacing other channels.
        elapsedMs += intervalMs * normalTotal / total(weights) / settings.dailyFactor(time);
        count++;
        if (faults.nextDouble() < settings.malformedFraction()) {
            return malformer.apply(malformer.choose(draft), draft);
        }
        return GeneratedRecord.owning(stream, draft.key, World.bytes(draft.json), draft.timestamp, null);
    }

    private Draft draft(StreamId stream, long time) {
        switch (stream) {
            case SOCIAL: return social.next(time);
            case PROFILES: return profiles.next(time);
            case OUTCOMES: return outcomes.next(time);
            default: return pools.get(stream).next(time, world.rnd);
        }
    }

    private double[] currentWeights(long time) {
        for (int i = 0; i < STREAMS.length; i++) {
            weights[i] = shares[i] * world.topics.volume(STREAMS[i], time);
        }
        return weights;
    }

    /** 1 % of clicks (buffered by mobile apps) and 2 % of posts (slow APIs) come late. */
    private long lateness(StreamId stream, long time) {
        double p = stream == StreamId.CLICKS ? 0.01 : 0.02;
        if (world.rnd.nextDouble() >= p) {
            return time;
        }
        return Math.max(settings.startTime(), time - 1 - world.rnd.nextInt((int) MAX_LATENESS_MS));
    }

    /** At most one conversation per customer and channel, and at most {@code maxConcurrent} at once. */
    private void startPool(StreamId stream, double gapSeconds, int maxConcurrent, LongFunction<Activity> starter) {
        double share = shares[Arrays.asList(STREAMS).indexOf(stream)];
        if (share <= 0) {
            return;
        }
        double recordsPerSecond = settings.eventsPerSecond() * share / normalTotal;
        int target = (int) Math.max(1, Math.min(Math.max(1, maxConcurrent), recordsPerSecond * gapSeconds));
        ActivityPool pool = new ActivityPool(target, starter);
        pool.warmUp(settings.startTime(), (long) Math.max(1, 1000.0 * target / recordsPerSecond), world.rnd);
        pools.put(stream, pool);
    }

    private static double total(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
