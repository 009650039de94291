package vigil.operators.spike;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the spike detector counts and decides: window and slide (event time), the baseline's
 * half-life and warm-up, the evidence thresholds, and the alert lifecycle's quiet period and
 * cool-down. Durations are in milliseconds.
 */
public final class SpikeSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final long slideMs;
    /** Counts are reported over this window, and a customer counts once per source within it. */
    public final long windowMs;
    public final long warmUpMs;
    public final long halfLifeMs;
    /** Half-life of the baseline's trend (Holt), so that the baseline follows a ramp; 0 for no trend. */
    public final long trendHalfLifeMs;
    /** The rise the evidence looks for: complaints at this multiple of the baseline. */
    public final double lift;
    /** Evidence (log-likelihood ratio, nats) summed over rising sources that opens an alert... */
    public final double threshold;
    /** ...where a source is rising with at least this much evidence of its own... */
    public final double sourceEvidence;
    /** ...and at least this many sources rise together (corroboration). */
    public final int minSources;
    /** One source alone opens an alert with the full threshold of evidence at this multiple of its baseline. */
    public final double extremeRatio;
    /** Consecutive slides the opening rule must hold: one noisy slide does not alert. */
    public final int persistence;
    /** Expected complaints per window are never taken below this (a quiet source is not infinitely sensitive). */
    public final double minExpected;
    /** An open alert resolves after this long with enough evidence that its sources are back at their baselines... */
    public final long quietMs;
    /** ...this much (nats, summed over the alert's sources). */
    public final double resolveEvidence;
    /** After a resolution, the topic cannot open a new alert for this long. */
    public final long coolDownMs;
    public final int evidenceSamples;
    /**
     * Half-life of a source's recent complaint rate (all its other topics together) that the baseline is scaled
     * by when that source runs above its usual rate (a daily ramp, a busy hour): 0 to leave the baselines
     * unscaled.
     */
    public final long volumeHalfLifeMs;
    /** A source's other topics must usually bring at least this many complaints per window to scale a baseline. */
    public final double minVolume;

    /** Without a trend term: the baseline is a plain moving average. */
    public SpikeSettings(long slideMs, long windowMs, long warmUpMs, long halfLifeMs, double lift, double threshold,
                         double sourceEvidence, int minSources, double extremeRatio, int persistence,
                         double minExpected, long quietMs, double resolveEvidence, long coolDownMs,
                         int evidenceSamples) {
        this(slideMs, windowMs, warmUpMs, halfLifeMs, lift, threshold, sourceEvidence, minSources, extremeRatio,
                persistence, minExpected, quietMs, resolveEvidence, coolDownMs, evidenceSamples, 0);
    }

    /** Without scaling by the source's volume. */
    public SpikeSettings(long slideMs, long windowMs, long warmUpMs, long halfLifeMs, double lift, double threshold,
                         double sourceEvidence, int minSources, double extremeRatio, int persistence,
                         double minExpected, long quietMs, double resolveEvidence, long coolDownMs,
                         int evidenceSamples, long trendHalfLifeMs) {
        this(slideMs, windowMs, warmUpMs, halfLifeMs, lift, threshold, sourceEvidence, minSources, extremeRatio,
                persistence, minExpected, quietMs, resolveEvidence, coolDownMs, evidenceSamples, trendHalfLifeMs, 0, 0);
    }

    public SpikeSettings(long slideMs, long windowMs, long warmUpMs, long halfLifeMs, double lift, double threshold,
                         double sourceEvidence, int minSources, double extremeRatio, int persistence,
                         double minExpected, long quietMs, double resolveEvidence, long coolDownMs,
                         int evidenceSamples, long trendHalfLifeMs, long volumeHalfLifeMs, double minVolume) {
        require(slideMs > 0 && windowMs >= slideMs && windowMs % slideMs == 0,
                "the spike window must be a positive multiple of the slide");
        require(warmUpMs >= 0 && halfLifeMs > 0 && trendHalfLifeMs >= 0 && volumeHalfLifeMs >= 0 && minVolume >= 0,
                "warm-up must be >= 0, half-life > 0, the trend's and the volume's half-lives and minVolume >= 0");
        require(lift > 1 && threshold > 0 && sourceEvidence > 0 && minSources >= 1 && extremeRatio >= 1
                        && persistence >= 1 && minExpected > 0,
                "lift > 1, evidence thresholds > 0, sources and persistence >= 1, minExpected > 0");
        require(quietMs >= slideMs && resolveEvidence > 0 && coolDownMs >= 0 && evidenceSamples >= 0,
                "quiet period must be at least one slide; resolve evidence > 0; cool-down and evidence >= 0");
        this.slideMs = slideMs;
        this.windowMs = windowMs;
        this.warmUpMs = warmUpMs;
        this.halfLifeMs = halfLifeMs;
        this.trendHalfLifeMs = trendHalfLifeMs;
        this.lift = lift;
        this.threshold = threshold;
        this.sourceEvidence = Math.min(sourceEvidence, threshold);
        this.minSources = minSources;
        this.extremeRatio = extremeRatio;
        this.persistence = persistence;
        this.minExpected = minExpected;
        this.quietMs = quietMs;
        this.resolveEvidence = resolveEvidence;
        this.coolDownMs = coolDownMs;
        this.evidenceSamples = evidenceSamples;
        this.volumeHalfLifeMs = volumeHalfLifeMs;
        this.minVolume = minVolume;
    }

    /**
     * Defaults: 5 s slides, 30 s windows, 30 min warm-up, 15 min half-life, 10 min trend half-life, baselines
     * scaled by their source's volume (2 min half-life); see the README.
     */
    public static SpikeSettings defaults() {
        return new SpikeSettings(5_000, 30_000, 1_800_000, 900_000, 3.0, 15.0, 2.0, 2, 5.0, 1, 1.0,
                120_000, 5.0, 600_000, 5, 600_000, 120_000, 5.0);
    }

    /** Full windows the baseline must have seen before the topic may alert. */
    public int warmUpWindows() {
        return (int) Math.max(1, warmUpMs / slideMs);
    }

    /** Weight of the newest window in the baseline's moving mean and variance. */
    public double alpha() {
        return 1 - Math.pow(0.5, (double) slideMs / halfLifeMs);
    }

    /** Weight of the newest slide in a source's recent complaint rate; 0 without volume scaling. */
    public double volumeAlpha() {
        return volumeHalfLifeMs == 0 ? 0 : 1 - Math.pow(0.5, (double) slideMs / volumeHalfLifeMs);
    }

    /** Weight of the newest change of the mean in the trend; 0 without a trend. */
    public double beta() {
        return trendHalfLifeMs == 0 ? 0 : 1 - Math.pow(0.5, (double) slideMs / trendHalfLifeMs);
    }

    /**
     * Slides from the middle of the newest window the baseline learned to the middle of the slide it is read
     * against: how far ahead the trend projects the mean.
     */
    public double lead() {
        return (slidesPerWindow() + 1) / 2.0;
    }

    /** Slides per window: a window's expected count over this is one slide's. */
    public int slidesPerWindow() {
        return (int) (windowMs / slideMs);
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
