package vigil.jobs.training;

/**
 * Chooses the fast path's decision rule from out-of-fold probabilities of the training data.
 * <ul>
 *   <li>Threshold: the best accuracy between 0.30 and 0.70, smoothed over ±0.02 because the accuracy
 *       curve is flat near its top and its raw maximum moves with the folds.</li>
 *   <li>Neutral band: grows from the threshold while the predictions just inside its edge (within
 *       0.05 of it) were right at most {@link #NEUTRAL_MAX_ACCURACY} of the time. Where the model is
 *       wrong that often, NEUTRAL is the honest answer; for calibrated probabilities and a threshold of
 *       0.5 this is P(positive) between about 0.38 and 0.62.</li>
 * </ul>
 */
public record DecisionRule(double threshold, double neutralBand) {
    public static final double NEUTRAL_MAX_ACCURACY = 0.6;
    private static final double STEP = 0.01;
    private static final double RING = 0.05;

    public static DecisionRule choose(double[] probability, boolean[] positive) {
        double threshold = 0.5;
        double best = -1;
        for (int k = 30; k <= 70; k++) {
            double smoothed = 0;
            for (int j = -2; j <= 2; j++) {
                smoothed += accuracy(probability, positive, (k + j) * STEP, 0, 1) / 5;
            }
            if (smoothed > best + 1e-9 || (Math.abs(smoothed - best) <= 1e-9 && Math.abs(k * STEP - 0.5) < Math.abs(threshold - 0.5))) {
                best = smoothed;
                threshold = k * STEP;
            }
        }
        int minimumRows = Math.max(10, probability.length / 100);
        double band = 0;
        for (int k = 1; k <= 25; k++) {
            double w = k * STEP;
            double from = Math.max(0, w - RING);
            if (rows(probability, threshold, from, w) < minimumRows) {
                continue;
            }
            if (accuracy(probability, positive, threshold, from, w) > NEUTRAL_MAX_ACCURACY) {
                break;
            }
            band = w;
        }
        return new DecisionRule(round(threshold), round(band));
    }

    /** Accuracy at threshold t over the rows whose distance from t is in [from, to); NaN if none. */
    static double accuracy(double[] probability, boolean[] positive, double t, double from, double to) {
        int right = 0;
        int rows = 0;
        for (int i = 0; i < probability.length; i++) {
            double distance = Math.abs(probability[i] - t);
            if (distance >= from && distance < to) {
                rows++;
                if ((probability[i] > t) == positive[i]) {
                    right++;
                }
            }
        }
        return rows == 0 ? Double.NaN : right / (double) rows;
    }

    private static int rows(double[] probability, double t, double from, double to) {
        int rows = 0;
        for (double p : probability) {
            double distance = Math.abs(p - t);
            rows += distance >= from && distance < to ? 1 : 0;
        }
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
