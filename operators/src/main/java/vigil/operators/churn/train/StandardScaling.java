package vigil.operators.churn.train;

import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;

import java.util.List;

/**
 * Standard scaling of the numeric features: (x − mean) / standard deviation, two slots per feature,
 * the scaled value and a missing indicator. A missing value is imputed with the training mean (so
 * its scaled slot is 0) and sets the indicator, which lets the model learn what "missing" means.
 */
public final class StandardScaling implements VectorStage {
    private static final long serialVersionUID = 1L;

    public int[] features;
    public double[] mean;
    public double[] std;

    public StandardScaling() {}

    public StandardScaling(int[] features, double[] mean, double[] std) {
        this.features = features;
        this.mean = mean;
        this.std = std;
    }

    /** Fits mean and standard deviation of every numeric feature over its non-missing values. */
    public static StandardScaling fit(TrainingSet data) {
        int[] numeric = data.features().stream().filter(f -> f.kind() == InputFeature.Kind.NUMERIC)
                .mapToInt(f -> data.features().indexOf(f)).toArray();
        double[] mean = new double[numeric.length];
        double[] std = new double[numeric.length];
        for (int k = 0; k < numeric.length; k++) {
            double sum = 0, squares = 0;
            int n = 0;
            for (double x : data.numbers(numeric[k])) {
                if (!Double.isNaN(x)) {
                    sum += x;
                    squares += x * x;
                    n++;
                }
            }
            mean[k] = n == 0 ? 0 : sum / n;
            double variance = n == 0 ? 0 : Math.max(0, squares / n - mean[k] * mean[k]);
            std[k] = variance > 1e-24 ? Math.sqrt(variance) : 1;
        }
        return new StandardScaling(numeric, mean, std);
    }

    /** The scaled value of one of this stage's features, 0 when missing. */
    public double scaled(int k, double x) {
        return Double.isNaN(x) ? 0 : (x - mean[k]) / std[k];
    }

    @Override
    public int width() {
        return 2 * features.length;
    }

    @Override
    public void encode(FeatureRow row, double[] out, int offset) {
        for (int k = 0; k < features.length; k++) {
            double x = row.number(features[k]);
            out[offset + 2 * k] = scaled(k, x);
            out[offset + 2 * k + 1] = Double.isNaN(x) ? 1 : 0;
        }
    }

    @Override
    public int[][] slotSources() {
        int[][] sources = new int[width()][];
        for (int k = 0; k < features.length; k++) {
            sources[2 * k] = new int[] {features[k]};
            sources[2 * k + 1] = new int[] {features[k]};
        }
        return sources;
    }

    @Override
    public String[] slotNames(List<InputFeature> inputs) {
        String[] names = new String[width()];
        for (int k = 0; k < features.length; k++) {
            names[2 * k] = inputs.get(features[k]).name() + " (scaled)";
            names[2 * k + 1] = inputs.get(features[k]).name() + " missing";
        }
        return names;
    }
}
