package vigil.jobs.training;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import vigil.operators.sentiment.BinaryMetrics;
import vigil.operators.sentiment.FastSentiment;
import vigil.operators.sentiment.SentimentModel;
import vigil.operators.sentiment.SentimentTrainer;
import vigil.operators.sentiment.TuningResult;

import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation of the fast sentiment trainer on the training data alone: every row gets a
 * P(positive) from a model that never saw it (its lexicon included, as the trainer builds it from
 * its own input). Candidates are compared by out-of-fold log loss, which uses every probability rather
 * than one threshold's hits and is steadier than accuracy on a few thousand rows.
 */
public final class CrossValidation {
    private final StreamTableEnvironment tEnv;
    private final List<LabeledText> rows;
    private final boolean[] positive;
    private final int[] fold;
    private final int folds;

    public CrossValidation(StreamTableEnvironment tEnv, List<LabeledText> rows, String positiveLabel, int folds, long seed) {
        this.tEnv = tEnv;
        this.rows = rows;
        this.positive = LabeledCsv.positives(rows, positiveLabel);
        this.fold = Folds.assign(positive, folds, seed);
        this.folds = folds;
    }

    /** Out-of-fold P(positive) of every row, each from the trainer fitted on the other folds. */
    public double[] outOfFold(SentimentTrainer trainer) {
        double[] probability = new double[rows.size()];
        for (int k = 0; k < folds; k++) {
            List<LabeledText> train = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] != k) {
                    train.add(rows.get(i));
                }
            }
            SentimentModel model = trainer.fit(TrainingTables.of(tEnv, train, trainer.getTextCol(), trainer.getLabelCol()));
            FastSentiment scorer = model.scorer();
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == k) {
                    probability[i] = scorer.probability(rows.get(i).text());
                }
            }
        }
        return probability;
    }

    /** Quality of out-of-fold probabilities at threshold 0.5. */
    public TuningResult tuningResult(int hashBits, double l2, double[] probability) {
        BinaryMetrics m = metrics(probability, new DecisionRule(0.5, 0));
        return new TuningResult(hashBits, l2, m.accuracy(), m.macroF1(), m.auc(), logLoss(probability));
    }

    /** Out-of-fold metrics under a decision rule (scores 2p − 1, as the fast path reports them). */
    public BinaryMetrics metrics(double[] probability, DecisionRule rule) {
        double[] scores = new double[probability.length];
        boolean[] predicted = new boolean[probability.length];
        int neutral = 0;
        for (int i = 0; i < probability.length; i++) {
            scores[i] = 2 * probability[i] - 1;
            predicted[i] = probability[i] > rule.threshold();
            if (Math.abs(probability[i] - rule.threshold()) <= rule.neutralBand()) {
                neutral++;
            }
        }
        return BinaryMetrics.of(positive, scores, predicted, neutral, null);
    }

    public boolean[] positive() {
        return positive;
    }

    public int folds() {
        return folds;
    }

    private double logLoss(double[] probability) {
        double sum = 0;
        for (int i = 0; i < probability.length; i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, probability[i]));
            sum -= Math.log(positive[i] ? p : 1 - p);
        }
        return sum / probability.length;
    }
}
