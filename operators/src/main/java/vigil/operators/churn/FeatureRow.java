package vigil.operators.churn;

import java.util.List;
import java.util.Map;

/**
 * One customer's input features, parsed once: a number (NaN when missing) for each numeric feature
 * and a category (null when missing) for each categorical one, both indexed like the model's input
 * features. A numeric feature accepts any {@link Number} or a String holding a number; a blank or
 * unparseable value is missing, never an error.
 */
public final class FeatureRow {
    private final double[] numbers;
    private final String[] categories;

    public FeatureRow(double[] numbers, String[] categories) {
        this.numbers = numbers;
        this.categories = categories;
    }

    public static FeatureRow of(List<InputFeature> features, Map<String, ?> values) {
        double[] numbers = new double[features.size()];
        String[] categories = new String[features.size()];
        for (int f = 0; f < numbers.length; f++) {
            InputFeature feature = features.get(f);
            Object value = values.get(feature.name());
            if (feature.kind() == InputFeature.Kind.NUMERIC) {
                numbers[f] = number(value);
            } else {
                numbers[f] = Double.NaN;
                categories[f] = category(value);
            }
        }
        return new FeatureRow(numbers, categories);
    }

    /** NaN for missing: null, blank or not a number. */
    public static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null) {
            return Double.NaN;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Null for missing: null or blank. */
    public static String category(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public double number(int feature) {
        return numbers[feature];
    }

    public String category(int feature) {
        return categories[feature];
    }

    /** The value as a reason code shows it: {@code 4.0}, {@code Month-to-month} or {@code missing}. */
    public String display(int feature, InputFeature.Kind kind) {
        if (kind == InputFeature.Kind.NUMERIC) {
            double x = numbers[feature];
            if (Double.isNaN(x)) {
                return "missing";
            }
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? (long) x + ".0" : Double.toString(x);
        }
        return categories[feature] == null ? "missing" : categories[feature];
    }
}
