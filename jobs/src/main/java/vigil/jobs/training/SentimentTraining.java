package vigil.jobs.training;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import vigil.operators.sentiment.BinaryMetrics;
import vigil.operators.sentiment.FastSentiment;
import vigil.operators.sentiment.SentimentEvaluation;
import vigil.operators.sentiment.SentimentModel;
import vigil.operators.sentiment.SentimentTrainer;
import vigil.operators.sentiment.TrainingInfo;
import vigil.operators.sentiment.TuningResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trains a fast sentiment model snapshot: chooses hash bits and L2 by k-fold cross-validation on the
 * training file alone, then the threshold and neutral band from the chosen candidate's out-of-fold
 * probabilities ({@link DecisionRule}), fits the final model on the whole training file, evaluates it
 * on the development file if one is given (recorded, never used to choose anything) and writes it.
 */
public final class SentimentTraining {
    /** What to train on and how; the defaults are the command line's. */
    public static final class Settings {
        public Path data;
        public String textCol = "text";
        public String labelCol = "label";
        public String positiveLabel;
        public Path dev;
        public long version = 1;
        public int folds = 5;
        public long seed = 42;
        public int[] hashBits = {16, 18};
        public double[] l2 = {1e-4, 3e-4, 1e-3};
        public int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private SentimentTraining() {}

    public static SentimentModel train(Settings s, PrintStream log) throws IOException {
        List<LabeledText> rows = LabeledCsv.read(s.data, s.textCol, s.labelCol);
        StreamTableEnvironment tEnv = TrainingTables.localEnvironment(s.parallelism);
        CrossValidation cv = new CrossValidation(tEnv, rows, s.positiveLabel, s.folds, s.seed);
        log.printf("training on %s: %d rows, %d with %s = %s; %d-fold cross-validation%n", s.data.getFileName(),
                rows.size(), count(cv.positive()), s.labelCol, s.positiveLabel, s.folds);

        List<TuningResult> candidates = new ArrayList<>();
        TuningResult best = null;
        double[] bestProbability = null;
        for (int bits : s.hashBits) {
            for (double l2 : s.l2) {
                double[] probability = cv.outOfFold(trainer(s).setHashBits(bits).setReg(l2));
                TuningResult result = cv.tuningResult(bits, l2, probability);
                candidates.add(result);
                log.printf("  hashBits %2d  l2 %.0e  accuracy %.4f  macro-F1 %.4f  AUC %.4f  log loss %.4f%n",
                        bits, l2, result.accuracy(), result.macroF1(), result.auc(), result.logLoss());
                if (best == null || result.logLoss() < best.logLoss()) {
                    best = result;
                    bestProbability = probability;
                }
            }
        }
        DecisionRule rule = DecisionRule.choose(bestProbability, cv.positive());
        BinaryMetrics cvMetrics = cv.metrics(bestProbability, rule);
        log.printf("chosen: hashBits %d, l2 %.0e, threshold %.2f, neutral band ±%.2f (out-of-fold accuracy %.4f)%n",
                best.hashBits(), best.l2(), rule.threshold(), rule.neutralBand(), cvMetrics.accuracy());

        SentimentModel model = trainer(s).setHashBits(best.hashBits()).setReg(best.l2())
                .setThreshold(rule.threshold()).setNeutralBand(rule.neutralBand())
                .fit(TrainingTables.of(tEnv, rows, s.textCol, s.labelCol));
        TrainingInfo info = model.metadata().training;
        info.dataFile = s.data.getFileName().toString();
        info.folds = s.folds;
        info.seed = s.seed;
        info.candidates = candidates;
        info.crossValidation = cvMetrics;
        if (s.dev != null) {
            List<LabeledText> dev = LabeledCsv.read(s.dev, s.textCol, s.labelCol);
            FastSentiment scorer = model.scorer();
            info.devDataFile = s.dev.getFileName().toString();
            info.dev = SentimentEvaluation.evaluate(scorer, LabeledCsv.texts(dev),
                    LabeledCsv.positives(dev, s.positiveLabel), scorer.decisionScore(), 200);
            log.printf("development set %s (evaluated only): accuracy %.4f, macro-F1 %.4f, AUC %.4f%n",
                    info.devDataFile, info.dev.accuracy(), info.dev.macroF1(), info.dev.auc());
        }
        return model;
    }

    /** Saves a snapshot into {@code out}, which must not exist or be empty. */
    public static void save(SentimentModel model, Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("output directory is not empty: " + out);
                }
            }
        }
        model.save(out.toString());
    }

    private static SentimentTrainer trainer(Settings s) {
        return new SentimentTrainer().setTextCol(s.textCol).setLabelCol(s.labelCol)
                .setPositiveLabel(s.positiveLabel).setModelVersion(s.version);
    }

    private static int count(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
