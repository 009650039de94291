package vigil.operators.churn;

import vigil.operators.sentiment.RocAuc;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Quality of churn probabilities against outcomes: ROC-AUC, PR-AUC (average precision), mean log
 * loss, and accuracy at risk &gt; 0.5.
 */
public record ChurnMetrics(int rows, int positives, double rocAuc, double prAuc, double logLoss, double accuracy)
        implements Serializable {

    public static ChurnMetrics of(boolean[] churned, double[] risk) {
        int positives = 0, correct = 0;
        double loss = 0;
        for (int i = 0; i < risk.length; i++) {
            positives += churned[i] ? 1 : 0;
            correct += (risk[i] > 0.5) == churned[i] ? 1 : 0;
            double p = Math.min(1 - 1e-12, Math.max(1e-12, risk[i]));
            loss -= Math.log(churned[i] ? p : 1 - p);
        }
        int n = risk.length;
        return new ChurnMetrics(n, positives, RocAuc.of(churned, risk), averagePrecision(churned, risk, positives),
                n == 0 ? Double.NaN : loss / n, n == 0 ? Double.NaN : correct / (double) n);
    }

    /** The unweighted mean of each figure over folds; rows and positives are summed. */
    public static ChurnMetrics mean(List<ChurnMetrics> folds) {
        int k = folds.size();
        return new ChurnMetrics(folds.stream().mapToInt(ChurnMetrics::rows).sum(),
                folds.stream().mapToInt(ChurnMetrics::positives).sum(),
                folds.stream().mapToDouble(ChurnMetrics::rocAuc).sum() / k,
                folds.stream().mapToDouble(ChurnMetrics::prAuc).sum() / k,
                folds.stream().mapToDouble(ChurnMetrics::logLoss).sum() / k,
                folds.stream().mapToDouble(ChurnMetrics::accuracy).sum() / k);
    }

    /** Mean precision at the rank of each positive, ranking by risk (ties share the precision of their group's end). */
    static double averagePrecision(boolean[] churned, double[] risk, int positives) {
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[risk.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> risk[i]).reversed());
        double sum = 0;
        int hits = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && risk[order[end + 1]] == risk[order[start]]) {
                end++;
            }
            int groupHits = 0;
            for (int k = start; k <= end; k++) {
                groupHits += churned[order[k]] ? 1 : 0;
            }
            hits += groupHits;
            sum += groupHits * (hits / (double) (end + 1));
            start = end + 1;
        }
        return sum / positives;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ROC-AUC %.4f  PR-AUC %.4f  log loss %.4f  accuracy %.4f  (%d rows, %d positive)",
                rocAuc, prAuc, logLoss, accuracy, rows, positives);
    }
}
