package vigil.jobs.training.churn;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import vigil.jobs.training.TrainingTables;
import vigil.operators.churn.ChurnHyperParameters;
import vigil.operators.churn.ChurnMetadata;
import vigil.operators.churn.ChurnMetrics;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.train.ChurnTrainer;
import vigil.operators.churn.train.LabeledRows;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Trains a churn model snapshot: every hyper-parameter candidate is cross-validated on the training
 * file alone (k folds), the one with the lowest mean out-of-fold log loss is chosen, and the final
 * model is fitted on the whole file through the trainer's Flink ML {@code fit(Table)}. The chosen
 * candidate's per-fold and mean figures go into the snapshot's metadata. Cross-validation fits in
 * memory ({@link ChurnTrainer#fit(LabeledRows)}, the same stages without Flink jobs); the final fit
 * runs the stages as a Flink ML pipeline.
 */
public final class ChurnTraining {
    /** What to train on and how; the defaults are the command line's. */
    public static final class Settings {
        public Path data;
        public String labelCol = "churn";
        public String positiveLabel = "Yes";
        public long version = 1;
        public int folds = 5;
        public long seed = 42;
        public double[] l2 = {1e-3, 1e-2, 3e-2};
        public int[] trees = {0, 40};
        public int interactions = 4;
        public int bins = 10;
        public int treeDepth = 3;
        /**
         * Of the final fit's jobs. 1 keeps the file's row order, on which fitting depends (floating-point
         * sums, ties between tree splits): the model is then reproducible and the one the in-memory fit
         * gives; at 2 the same file gave different trees from run to run.
         */
        public int parallelism = 1;
    }

    private ChurnTraining() {}

    public static ChurnModel train(Settings s, PrintStream log) throws IOException {
        LabeledRows rows = ChurnCsv.read(s.data, s.labelCol);
        ChurnCrossValidation cv = new ChurnCrossValidation(rows, s.labelCol, s.positiveLabel, s.folds, s.seed);
        log.printf("training on %s: %d rows, %d with %s = %s; %d-fold cross-validation (seed %d)%n",
                s.data.getFileName(), rows.size(), count(cv.positive()), s.labelCol, s.positiveLabel, s.folds, s.seed);

        List<ChurnMetadata.Candidate> candidates = new ArrayList<>();
        ChurnCrossValidation.Result best = null;
        ChurnHyperParameters bestParameters = null;
        for (int trees : s.trees) {
            for (double l2 : s.l2) {
                ChurnHyperParameters h = new ChurnHyperParameters(l2, s.bins, 5, trees, s.treeDepth, 0.1, 20, s.interactions);
                ChurnCrossValidation.Result result = cv.run(trainer(s).setHyperParameters(h));
                candidates.add(new ChurnMetadata.Candidate(h, result.mean()));
                log.printf(Locale.ROOT, "  trees %3d  l2 %.0e  interactions %d | %s%n", trees, l2, s.interactions, result.mean());
                if (best == null || result.mean().logLoss() < best.mean().logLoss()) {
                    best = result;
                    bestParameters = h;
                }
            }
        }
        log.printf(Locale.ROOT, "chosen by lowest mean out-of-fold log loss: trees %d, l2 %.0e%n",
                bestParameters.trees(), bestParameters.l2());
        for (int k = 0; k < best.perFold().size(); k++) {
            log.printf(Locale.ROOT, "  fold %d  %s%n", k + 1, best.perFold().get(k));
        }
        log.printf(Locale.ROOT, "  mean    %s%n", best.mean());

        StreamTableEnvironment tEnv = TrainingTables.localEnvironment(s.parallelism);
        ChurnModel model = trainer(s).setHyperParameters(bestParameters).fit(ChurnCsv.table(tEnv, rows));
        ChurnMetadata metadata = model.metadata();
        metadata.dataFile = s.data.getFileName().toString();
        metadata.crossValidation = new ChurnMetadata.CrossValidationReport(s.folds, s.seed,
                "lowest mean out-of-fold log loss", best.perFold(), best.mean());
        metadata.candidates = candidates;
        log.printf("final model: %d input features %s, %d vector slots; left out: %s%n", model.features().size(),
                model.inputFeatures(), metadata.dimensions, metadata.ignoredColumns);
        return model;
    }

    /** Saves a snapshot into {@code out}, which must not exist or be empty. */
    public static void save(ChurnModel model, Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("output directory is not empty: " + out);
                }
            }
        }
        model.save(out);
    }

    private static ChurnTrainer trainer(Settings s) {
        return new ChurnTrainer().setLabelCol(s.labelCol).setPositiveLabel(s.positiveLabel).setModelVersion(s.version);
    }

    private static int count(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
