package vigil.operators.churn.train;

import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;

import java.util.List;

/**
 * Training rows held by column, as the stages fit them: for each input feature its numbers (NaN when
 * missing) or its categories (null when missing), and each row's label.
 */
public final class TrainingSet {
    private final List<InputFeature> features;
    private final double[][] numbers;
    private final String[][] categories;
    private final boolean[] positive;

    public TrainingSet(List<InputFeature> features, double[][] numbers, String[][] categories, boolean[] positive) {
        this.features = List.copyOf(features);
        this.numbers = numbers;
        this.categories = categories;
        this.positive = positive;
    }

    /** Parses raw text cells ({@code cells[row][feature]}, null or blank when missing). */
    public static TrainingSet parse(List<InputFeature> features, List<String[]> cells, boolean[] positive) {
        int n = cells.size();
        double[][] numbers = new double[features.size()][];
        String[][] categories = new String[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            if (features.get(f).kind() == InputFeature.Kind.NUMERIC) {
                numbers[f] = new double[n];
                for (int i = 0; i < n; i++) {
                    numbers[f][i] = FeatureRow.number(cells.get(i)[f]);
                }
            } else {
                categories[f] = new String[n];
                for (int i = 0; i < n; i++) {
                    categories[f][i] = FeatureRow.category(cells.get(i)[f]);
                }
            }
        }
        return new TrainingSet(features, numbers, categories, positive);
    }

    public List<InputFeature> features() {
        return features;
    }

    public int rows() {
        return positive.length;
    }

    public boolean positive(int row) {
        return positive[row];
    }

    public boolean[] labels() {
        return positive;
    }

    public boolean isNumeric(int feature) {
        return numbers[feature] != null;
    }

    /** The numbers of a numeric feature (NaN = missing); do not modify. */
    public double[] numbers(int feature) {
        return numbers[feature];
    }

    /** The categories of a categorical feature (null = missing); do not modify. */
    public String[] categories(int feature) {
        return categories[feature];
    }

    /** One row as a model would see it when scoring. */
    public FeatureRow row(int i) {
        double[] x = new double[features.size()];
        String[] c = new String[features.size()];
        for (int f = 0; f < x.length; f++) {
            x[f] = numbers[f] == null ? Double.NaN : numbers[f][i];
            c[f] = categories[f] == null ? null : categories[f][i];
        }
        return new FeatureRow(x, c);
    }
}
