package vigil.operators.sentiment;

/**
 * Quality of a scorer on a binary task (positive vs. the rest). Predicted positive means the score
 * is above the scorer's decision point; {@code neutral} counts the texts labelled NEUTRAL, which
 * the binary figures still decide by score. {@code messagesPerSecond} is null where not measured.
 */
public record BinaryMetrics(int rows, int positives, double accuracy, double macroF1, double auc,
                            int truePositives, int falseNegatives, int falsePositives, int trueNegatives,
                            int neutral, Double messagesPerSecond) {

    /** Computes the figures; {@code predicted[i]} is whether row i was scored above the decision point. */
    public static BinaryMetrics of(boolean[] actual, double[] scores, boolean[] predicted, int neutral,
                                   Double messagesPerSecond) {
        int tp = 0, fn = 0, fp = 0, tn = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] && predicted[i]) {
                tp++;
            } else if (actual[i]) {
                fn++;
            } else if (predicted[i]) {
                fp++;
            } else {
                tn++;
            }
        }
        int n = actual.length;
        double f1Positive = f1(tp, fp, fn);
        double f1Negative = f1(tn, fn, fp);
        return new BinaryMetrics(n, tp + fn, n == 0 ? Double.NaN : (tp + tn) / (double) n,
                (f1Positive + f1Negative) / 2, RocAuc.of(actual, scores), tp, fn, fp, tn, neutral, messagesPerSecond);
    }

    private static double f1(int hits, int falseAlarms, int misses) {
        int denominator = 2 * hits + falseAlarms + misses;
        return denominator == 0 ? 0 : 2.0 * hits / denominator;
    }
}
