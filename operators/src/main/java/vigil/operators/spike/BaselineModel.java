package vigil.operators.spike;

import vigil.schemas.SourceBaseline;

/**
 * The learned baseline of one source's window count: an exponentially weighted mean and variance.
 * The spread used for significance is never below the mean (counts are at least Poisson-dispersed)
 * nor below 1, so a quiet topic with a few events is not "infinitely" significant.
 */
final class BaselineModel {
    /** Expected counts below this are treated as this when a rise is expressed as a ratio. */
    static final double MIN_EXPECTED = 0.5;
    /** Counts enter the mean at most this many spreads above it. */
    private static final double CLIP = 2.0;

    private BaselineModel() {}

    static double spread(SourceBaseline baseline) {
        return Math.sqrt(Math.max(1.0, Math.max(baseline.getVariance(), baseline.getMean())));
    }

    static double zScore(SourceBaseline baseline, int count) {
        return (count - baseline.getMean()) / spread(baseline);
    }

    static double lift(SourceBaseline baseline, int count) {
        return count / Math.max(MIN_EXPECTED, baseline.getMean());
    }

    /**
     * Folds one window's count in, robustly: the count enters the mean clipped at two spreads above it,
     * and the variance only learns from windows below the alert threshold. So an incident lifts the
     * baseline only slowly while it lasts (and never widens it), whereas a lasting new level is still
     * learned, within hours. While the baseline is young ({@code seen} windows), the weight is at least
     * 1/(seen+1): the first windows are averaged plainly instead of decaying from zero.
     */
    static void update(SourceBaseline baseline, int count, double alpha, int seen, double zThreshold) {
        double weight = Math.max(alpha, 1.0 / (seen + 1.0));
        double mean = baseline.getMean();
        boolean ordinary = seen == 0 || zScore(baseline, count) < zThreshold;
        double x = seen == 0 ? count : Math.min(count, mean + CLIP * spread(baseline));
        double diff = x - mean;
        double step = weight * diff;
        baseline.setMean(mean + step);
        if (ordinary) {
            baseline.setVariance((1 - weight) * (baseline.getVariance() + diff * step));
        }
    }
}
