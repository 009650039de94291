package vigil.jobs.training.churn;

import vigil.jobs.training.Folds;
import vigil.operators.churn.ChurnMetrics;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.train.ChurnTrainer;
import vigil.operators.churn.train.LabeledRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stratified k-fold cross-validation of the churn trainer on the training file alone: each fold is
 * scored by a model fitted on the other folds, every stage included (feature kinds, categories,
 * bins, trees), so no fold's figures have seen its rows.
 */
public final class ChurnCrossValidation {
    private final LabeledRows rows;
    private final boolean[] positive;
    private final int[] fold;
    private final int folds;

    public ChurnCrossValidation(LabeledRows rows, String labelCol, String positiveLabel, int folds, long seed) {
        this.rows = rows;
        this.positive = rows.labels(labelCol, positiveLabel);
        this.fold = Folds.assign(positive, folds, seed);
        this.folds = folds;
    }

    /** The trainer's figures on each fold, and every row's out-of-fold risk. */
    public record Result(List<ChurnMetrics> perFold, ChurnMetrics mean, double[] risk) {
    }

    public Result run(ChurnTrainer trainer) {
        double[] risk = new double[rows.size()];
        List<ChurnMetrics> perFold = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            int fk = k;
            int[] train = java.util.stream.IntStream.range(0, rows.size()).filter(i -> fold[i] != fk).toArray();
            int[] test = java.util.stream.IntStream.range(0, rows.size()).filter(i -> fold[i] == fk).toArray();
            ChurnModel model = trainer.fit(rows.subset(train));
            double[] foldRisk = new double[test.length];
            boolean[] foldPositive = new boolean[test.length];
            for (int t = 0; t < test.length; t++) {
                foldRisk[t] = model.risk(features(test[t]));
                foldPositive[t] = positive[test[t]];
                risk[test[t]] = foldRisk[t];
            }
            perFold.add(ChurnMetrics.of(foldPositive, foldRisk));
        }
        return new Result(perFold, ChurnMetrics.mean(perFold), risk);
    }

    public boolean[] positive() {
        return positive;
    }

    public int folds() {
        return folds;
    }

    /** A row as the model sees a customer: column name to cell (the label is among them and ignored). */
    private Map<String, Object> features(int row) {
        Map<String, Object> features = new HashMap<>();
        String[] cells = rows.cells().get(row);
        for (int c = 0; c < cells.length; c++) {
            features.put(rows.columns().get(c), cells[c]);
        }
        return features;
    }
}
