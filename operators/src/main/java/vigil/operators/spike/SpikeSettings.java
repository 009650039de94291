package vigil.operators.spike;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the spike detector counts and decides: window and slide (event time), the baseline's
 * half-life and warm-up, the significance thresholds, and the alert lifecycle's quiet period and
 * cool-down. Durations are in milliseconds.
 */
public final class SpikeSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final long slideMs;
    public final long windowMs;
    public final long warmUpMs;
    public final long halfLifeMs;
    /** A source is anomalous when its window count is at least this many standard deviations above its mean... */
    public final double zThreshold;
    /** ...and at least this many times its mean... */
    public final double minRatio;
    /** ...and at least this many interactions. */
    public final int minCount;
    /** Anomalous sources needed to open an alert (corroboration). */
    public final int minSources;
    /** One source alone opens an alert when this extreme in z and in ratio. */
    public final double extremeZ;
    public final double extremeRatio;
    /** An open alert resolves after this long without an anomalous source. */
    public final long quietMs;
    /** After a resolution, the topic cannot open a new alert for this long. */
    public final long coolDownMs;
    public final int evidenceSamples;
    /** Once one source is anomalous, another corroborates it with a weaker rise: this z... */
    public final double corroborateZ;
    /** ...and this ratio to its mean (and at least 3 interactions). */
    public final double corroborateRatio;

    public SpikeSettings(long slideMs, long windowMs, long warmUpMs, long halfLifeMs, double zThreshold,
                         double minRatio, int minCount, int minSources, double extremeZ, double extremeRatio,
                         long quietMs, long coolDownMs, int evidenceSamples, double corroborateZ,
                         double corroborateRatio) {
        require(slideMs > 0 && windowMs >= slideMs && windowMs % slideMs == 0,
                "the spike window must be a positive multiple of the slide");
        require(warmUpMs >= 0 && halfLifeMs > 0, "warm-up must be >= 0 and half-life > 0");
        require(zThreshold > 0 && minRatio >= 1 && minCount >= 1 && minSources >= 1,
                "thresholds must be positive (ratio >= 1)");
        require(quietMs >= slideMs && coolDownMs >= 0 && evidenceSamples >= 0,
                "quiet period must be at least one slide; cool-down and evidence >= 0");
        this.slideMs = slideMs;
        this.windowMs = windowMs;
        this.warmUpMs = warmUpMs;
        this.halfLifeMs = halfLifeMs;
        this.zThreshold = zThreshold;
        this.minRatio = minRatio;
        this.minCount = minCount;
        this.minSources = minSources;
        this.extremeZ = extremeZ;
        this.extremeRatio = extremeRatio;
        this.quietMs = quietMs;
        this.coolDownMs = coolDownMs;
        this.evidenceSamples = evidenceSamples;
        this.corroborateZ = Math.min(corroborateZ, zThreshold);
        this.corroborateRatio = Math.min(corroborateRatio, minRatio);
    }

    /** Defaults: 30 s windows sliding by 5 s, 30 min warm-up and half-life, z 4, 2x, 5 events, 2 sources. */
    public static SpikeSettings defaults() {
        return new SpikeSettings(5_000, 30_000, 1_800_000, 1_800_000, 4.0, 2.0, 5, 2, 8.0, 5.0,
                120_000, 600_000, 5, 2.0, 1.5);
    }

    /** Full windows the baseline must have seen before the topic may alert. */
    public int warmUpWindows() {
        return (int) Math.max(1, warmUpMs / slideMs);
    }

    /** Weight of the newest window in the baseline's moving mean and variance. */
    public double alpha() {
        return 1 - Math.pow(0.5, (double) slideMs / halfLifeMs);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** What counts as a negative interaction about a topic. */
    public static final class Signals implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Page prefix to topic, for click ERROR events; the longest matching prefix wins. */
        public final Map<String, String> pageTopics;
        /** Topics that are not problems (e.g. praise). */
        public final Set<String> ignoredTopics;
        /** Count NEUTRAL as well as NEGATIVE texts (everything but POSITIVE). */
        public final boolean countNeutral;

        public Signals(Map<String, String> pageTopics, Set<String> ignoredTopics, boolean countNeutral) {
            this.pageTopics = new TreeMap<>(pageTopics);
            this.ignoredTopics = Set.copyOf(ignoredTopics);
            this.countNeutral = countNeutral;
        }
    }
}
