package vigil.jobs.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Reliability table: predictions in equal-width risk bins, mean predicted risk against the observed churn rate. */
public final class Calibration {
    private Calibration() {}

    public record Bin(double from, double to, int rows, double meanRisk, double churnRate) {}

    public static List<Bin> of(boolean[] churned, double[] risk, int bins) {
        int[] rows = new int[bins];
        double[] riskSum = new double[bins];
        int[] positives = new int[bins];
        for (int i = 0; i < risk.length; i++) {
            int bin = Math.min(bins - 1, (int) (risk[i] * bins));
            rows[bin]++;
            riskSum[bin] += risk[i];
            positives[bin] += churned[i] ? 1 : 0;
        }
        List<Bin> table = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            table.add(new Bin((double) b / bins, (double) (b + 1) / bins, rows[b],
                    rows[b] == 0 ? Double.NaN : riskSum[b] / rows[b],
                    rows[b] == 0 ? Double.NaN : (double) positives[b] / rows[b]));
        }
        return table;
    }
}
