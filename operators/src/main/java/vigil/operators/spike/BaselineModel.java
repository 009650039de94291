package vigil.operators.spike;

import vigil.schemas.SourceBaseline;

/**
 * One source's baseline and its running evidence of a rise.
 *
 * <p>The baseline is an exponentially weighted mean and variance of the window count, with Holt's linear trend
 * (never below zero) so that the mean follows a rising rate instead of lagging behind it. The evidence is a
 * one-sided CUSUM on Poisson counts, one step per slide: each slide adds the log-likelihood ratio of
 * "complaints at {@code lift} times the baseline" against "at the baseline", x·ln(lift) − (lift − 1)·μ
 * for x complaints where μ are expected, divided by the counts' dispersion (variance over mean, at least
 * 1: over-dispersed counts are weaker evidence). The sum never goes below zero, so quiet slides cannot
 * bank credit against a coming rise, and it is capped, so an alert does not outlive its incident by long.
 */
final class BaselineModel {
    /** Expected counts below this are treated as this when a rise is expressed as a ratio. */
    static final double MIN_EXPECTED = 0.5;
    /** Counts enter the mean at most this many spreads above it. */
    private static final double CLIP = 2.0;
    /** Windows this many spreads above the mean do not teach the variance (an incident must not widen it). */
    private static final double ORDINARY_Z = 4.0;
    /** The evidence is capped at this multiple of the opening threshold. */
    private static final double CAP = 1.5;

    private BaselineModel() {}

    static double spread(SourceBaseline baseline) {
        return Math.sqrt(Math.max(1.0, Math.max(baseline.getVariance(), baseline.getMean())));
    }

    /** The window count expected at the slide being read: the mean, projected ahead by the trend. */
    static double expectedWindow(SourceBaseline baseline, SpikeSettings settings) {
        return baseline.getMean() + baseline.getTrend() * settings.lead();
    }

    /** Variance over mean of the window count, at least 1 (Poisson). */
    static double dispersion(SourceBaseline baseline, SpikeSettings settings) {
        return Math.max(1.0, baseline.getVariance() / Math.max(settings.minExpected, expectedWindow(baseline, settings)));
    }

    /** Complaints expected in one slide, never below the floor. */
    static double expectedPerSlide(SourceBaseline baseline, SpikeSettings settings) {
        return expectedPerSlide(baseline, settings, 1.0);
    }

    /**
     * As {@link #expectedPerSlide(SourceBaseline, SpikeSettings)}, scaled by how far the source's other topics run
     * above their usual rate ({@link SourceVolumes}; at least 1).
     */
    static double expectedPerSlide(SourceBaseline baseline, SpikeSettings settings, double sourceFactor) {
        return Math.max(settings.minExpected, expectedWindow(baseline, settings) * Math.max(1.0, sourceFactor))
                / settings.slidesPerWindow();
    }

    /**
     * One slide's log-likelihood ratio of "complaints at {@code lift} times the baseline" against "at the
     * baseline", over the dispersion: positive in a rise, negative when the count is at its baseline.
     */
    static double step(SourceBaseline baseline, int count, SpikeSettings settings) {
        return step(baseline, count, settings, 1.0);
    }

    /** As {@link #step(SourceBaseline, int, SpikeSettings)}, against the baseline scaled by the source's volume. */
    static double step(SourceBaseline baseline, int count, SpikeSettings settings, double sourceFactor) {
        double mu = expectedPerSlide(baseline, settings, sourceFactor);
        return (count * Math.log(settings.lift) - (settings.lift - 1) * mu) / dispersion(baseline, settings);
    }

    /** Folds one slide's count into the evidence, and into the run since the evidence last left zero. */
    static void accumulate(SourceBaseline baseline, int count, SpikeSettings settings) {
        accumulate(baseline, count, settings, 1.0);
    }

    /** As {@link #accumulate(SourceBaseline, int, SpikeSettings)}, against the baseline scaled by the source's volume. */
    static void accumulate(SourceBaseline baseline, int count, SpikeSettings settings, double sourceFactor) {
        double mu = expectedPerSlide(baseline, settings, sourceFactor);
        double step = step(baseline, count, settings, sourceFactor);
        double evidence = baseline.getEvidence() + step;
        if (evidence <= 0) {
            reset(baseline);
            return;
        }
        baseline.setEvidence(Math.min(evidence, CAP * settings.threshold));
        baseline.setRunCount(baseline.getRunCount() + count);
        baseline.setRunExpected(baseline.getRunExpected() + mu);
        baseline.setRunSlides(baseline.getRunSlides() + 1);
    }

    static void reset(SourceBaseline baseline) {
        baseline.setEvidence(0);
        baseline.setRunCount(0);
        baseline.setRunExpected(0);
        baseline.setRunSlides(0);
    }

    /** Complaints in the current run over their expectation. */
    static double runLift(SourceBaseline baseline) {
        return baseline.getRunSlides() == 0 ? 1.0 : baseline.getRunCount() / Math.max(1e-9, baseline.getRunExpected());
    }

    /**
     * Folds a window's count into the mean, trend and variance (Holt's linear exponential smoothing), robustly:
     * the mean is first moved on by the trend (the forecast), the count enters it clipped at two spreads above
     * that forecast, and the variance only learns from ordinary windows. So an incident lifts the baseline
     * only slowly while it lasts (and never widens it), whereas a lasting new level is still learned, within
     * hours. The trend is an exponentially weighted average of the mean's change per slide, never below zero:
     * a falling rate is followed by the mean alone (a baseline lagging above the rate raises no alert), and a
     * rise that ends leaves no negative trend that would undershoot; and it learns only while the source has no
 * evidence of a rise at all, so an incident is not taken for a ramp. While the baseline is young
     * ({@code seen} windows), the weight is at least 1/(seen+1): the first windows are averaged plainly
     * instead of decaying from zero, and the trend learns only once that phase is over.
     */
    static void update(SourceBaseline baseline, int count, SpikeSettings settings, int seen) {
        double alpha = settings.alpha();
        double weight = Math.max(alpha, 1.0 / (seen + 1.0));
        double mean = baseline.getMean();
        double forecast = mean + baseline.getTrend();
        double spread = spread(baseline);
        boolean ordinary = seen == 0 || (count - forecast) / spread < ORDINARY_Z;
        double x = seen == 0 ? count : Math.min(count, forecast + CLIP * spread);
        double diff = x - forecast;
        double step = weight * diff;
        baseline.setMean(forecast + step);
        // Only a source without evidence of a rise teaches the trend: an incident's rise must not become the slope.
        if (weight == alpha && settings.beta() > 0 && baseline.getEvidence() == 0) {
            double change = baseline.getMean() - mean;
            baseline.setTrend(Math.max(0, baseline.getTrend() + settings.beta() * (change - baseline.getTrend())));
        }
        if (ordinary) {
            baseline.setVariance((1 - weight) * (baseline.getVariance() + diff * step));
        }
    }
}
