package vigil.operators.churn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a customer's vector into per-input-feature contributions to the log-odds of churn, against
 * the average training customer: feature f gets Σ share(j, f) · coefficient[j] · (x[j] − mean[j])
 * over the slots j derived from f, where share is 1 for a slot from one feature and 1/k for a slot
 * from k features (an interaction, or a tree leaf reached through splits on k distinct features).
 * The mean part is a constant per feature, computed once, so a prediction only visits the slots
 * that are not zero.
 */
final class ReasonCodes implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_REASONS = 5;

    private final int[][] sources;
    private final double[] coefficients;
    private final double[] baseline;

    ReasonCodes(int[][] sources, double[] coefficients, double[] slotMeans, int features) {
        this.sources = sources;
        this.coefficients = coefficients;
        this.baseline = new double[features];
        for (int j = 0; j < sources.length; j++) {
            for (int f : sources[j]) {
                baseline[f] += coefficients[j] * slotMeans[j] / sources[j].length;
            }
        }
    }

    /** Contribution of each input feature to the log-odds, against the training mean. */
    double[] contributions(double[] x) {
        double[] c = new double[baseline.length];
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0) {
                int[] from = sources[j];
                double share = coefficients[j] * x[j] / Math.max(1, from.length);
                for (int f : from) {
                    c[f] += share;
                }
            }
        }
        for (int f = 0; f < c.length; f++) {
            c[f] -= baseline[f];
        }
        return c;
    }

    /** The features that raised the risk, largest contribution first, at most {@link #MAX_REASONS}. */
    static List<ChurnPrediction.Reason> top(double[] contributions, List<InputFeature> features, FeatureRow row) {
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < contributions.length; f++) {
            if (contributions[f] > 0) {
                order.add(f);
            }
        }
        order.sort((a, b) -> Double.compare(contributions[b], contributions[a]));
        List<ChurnPrediction.Reason> reasons = new ArrayList<>();
        for (int f : order.subList(0, Math.min(MAX_REASONS, order.size()))) {
            InputFeature feature = features.get(f);
            reasons.add(new ChurnPrediction.Reason(feature.name(), row.display(f, feature.kind()), contributions[f]));
        }
        return reasons;
    }
}
