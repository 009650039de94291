package vigil.operators.sentiment;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve from a ranking by score: the chance that a random positive scores above
 * a random negative, ties counting half (the Mann-Whitney statistic with average ranks).
 */
public final class RocAuc {
    private RocAuc() {}

    /** NaN when one class is missing. */
    public static double of(boolean[] actual, double[] scores) {
        int n = actual.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (actual[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
