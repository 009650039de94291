package vigil.operators.churn;

import vigil.operators.churn.train.TreeLeafEncoding;
import vigil.operators.churn.train.VectorStage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a customer's vector into per-input-feature contributions to the log-odds of churn, against
 * the average training customer. A slot from one feature gives it coefficient[j] · (x[j] − mean[j]);
 * an interaction slot gives each of its two features half. A tree's leaf slots are handled as one
 * block: its contribution, coefficient(leaf reached) − Σ coefficient·training share of every leaf,
 * is split along the path taken, each split's feature getting the change it made
 * ({@link TreeLeafEncoding#pathContributions}). The parts add up exactly to the log-odds minus the
 * average customer's. The constant parts are computed once, so a prediction only visits the slots
 * that are not zero.
 */
final class ReasonCodes implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_REASONS = 5;

    private final int[][] sources;
    /** What a unit of slot j adds to each of its sources. */
    private final double[][] weights;
    private final double[] baseline;

    ReasonCodes(FeaturePipeline pipeline, double[] coefficients, double[] slotMeans) {
        int dimensions = pipeline.dimensions();
        this.sources = pipeline.slotSources();
        this.weights = new double[dimensions][];
        this.baseline = new double[pipeline.features().size()];
        weights[dimensions - 1] = new double[0];
        int offset = 0;
        for (VectorStage stage : pipeline.stages()) {
            int width = stage.width();
            if (stage instanceof TreeLeafEncoding trees) {
                double[][] parts = trees.pathContributions(Arrays.copyOfRange(coefficients, offset, offset + width),
                        Arrays.copyOfRange(slotMeans, offset, offset + width));
                System.arraycopy(parts, 0, weights, offset, width);
            } else {
                for (int j = offset; j < offset + width; j++) {
                    weights[j] = new double[sources[j].length];
                    for (int k = 0; k < sources[j].length; k++) {
                        weights[j][k] = coefficients[j] / sources[j].length;
                        baseline[sources[j][k]] += weights[j][k] * slotMeans[j];
                    }
                }
            }
            offset += width;
        }
    }

    /** Contribution of each input feature to the log-odds, against the average training customer. */
    double[] contributions(double[] x) {
        double[] c = new double[baseline.length];
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0) {
                int[] from = sources[j];
                double[] w = weights[j];
                for (int k = 0; k < from.length; k++) {
                    c[from[k]] += w[k] * x[j];
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
        // selection of the few largest: cheaper than sorting every feature on each prediction
        boolean[] taken = new boolean[contributions.length];
        List<ChurnPrediction.Reason> reasons = new ArrayList<>(MAX_REASONS);
        while (reasons.size() < MAX_REASONS) {
            int best = -1;
            for (int f = 0; f < contributions.length; f++) {
                if (!taken[f] && contributions[f] > 0 && (best < 0 || contributions[f] > contributions[best])) {
                    best = f;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            InputFeature feature = features.get(best);
            reasons.add(new ChurnPrediction.Reason(feature.name(), row.display(best, feature.kind()), contributions[best]));
        }
        return reasons;
    }
}
