package vigil.operators.churn.train;

import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Quantile binning of the numeric features, each bin a one-hot slot, so the linear model can give a
 * numeric feature any step-shaped effect (churn falls steeply over the first months of tenure, then
 * flattens). Edges are training quantiles; bin b holds edges[b−1] ≤ x < edges[b]; a missing value
 * has a slot of its own after the bins. Repeated quantiles collapse, so a 0/1 column gets two bins.
 */
public final class QuantileBinning implements VectorStage {
    private static final long serialVersionUID = 1L;

    public int[] features;
    /** Ascending, distinct inner edges of each feature. */
    public double[][] edges;

    public QuantileBinning() {}

    public QuantileBinning(int[] features, double[][] edges) {
        this.features = features;
        this.edges = edges;
    }

    public static QuantileBinning fit(TrainingSet data, int bins) {
        int[] numeric = java.util.stream.IntStream.range(0, data.features().size()).filter(data::isNumeric).toArray();
        double[][] edges = new double[numeric.length][];
        for (int k = 0; k < numeric.length; k++) {
            edges[k] = edges(data.numbers(numeric[k]), bins);
        }
        return new QuantileBinning(numeric, edges);
    }

    /** Inner edges at the 1/bins .. (bins−1)/bins quantiles of the non-missing values, none at or below the minimum. */
    public static double[] edges(double[] values, int bins) {
        double[] sorted = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (sorted.length == 0) {
            return new double[0];
        }
        TreeSet<Double> edges = new TreeSet<>();
        for (int b = 1; b < bins; b++) {
            double q = sorted[(int) ((long) b * sorted.length / bins)];
            if (q > sorted[0]) {
                edges.add(q);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The bin of x among edges: the number of edges at or below x. */
    public static int bin(double[] edges, double x) {
        int lo = 0, hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public int width() {
        int width = 0;
        for (double[] e : edges) {
            width += e.length + 2;
        }
        return width;
    }

    @Override
    public void encode(FeatureRow row, double[] out, int offset) {
        int start = offset;
        for (int k = 0; k < features.length; k++) {
            int block = edges[k].length + 2;
            Arrays.fill(out, start, start + block, 0);
            double x = row.number(features[k]);
            out[start + (Double.isNaN(x) ? block - 1 : bin(edges[k], x))] = 1;
            start += block;
        }
    }

    @Override
    public int[][] slotSources() {
        int[][] sources = new int[width()][];
        int s = 0;
        for (int k = 0; k < features.length; k++) {
            for (int j = 0; j < edges[k].length + 2; j++) {
                sources[s++] = new int[] {features[k]};
            }
        }
        return sources;
    }

    @Override
    public String[] slotNames(List<InputFeature> inputs) {
        String[] names = new String[width()];
        int s = 0;
        for (int k = 0; k < features.length; k++) {
            String name = inputs.get(features[k]).name();
            double[] e = edges[k];
            for (int b = 0; b <= e.length; b++) {
                String lo = b == 0 ? "-inf" : String.format(Locale.ROOT, "%g", e[b - 1]);
                String hi = b == e.length ? "inf" : String.format(Locale.ROOT, "%g", e[b]);
                names[s++] = name + " in [" + lo + ", " + hi + ")";
            }
            names[s++] = name + " missing";
        }
        return names;
    }
}
