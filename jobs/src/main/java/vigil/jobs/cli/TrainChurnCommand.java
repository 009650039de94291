package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.training.churn.ChurnTraining;
import vigil.operators.churn.ChurnModel;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train-churn",
        description = "Trains the churn model on a labeled profile CSV (other columns: numbers or categories; id-like "
                + "columns are left out) and writes a versioned snapshot. L2 and the tree count are chosen by k-fold "
                + "cross-validation on --data alone; the figures are printed and stored in the snapshot.")
final class TrainChurnCommand implements Callable<Integer> {
    // not mixinStandardHelpOptions: its --version would clash with the model's --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "training data (CSV with a header row)")
    Path data;

    @Option(names = "--label-col", defaultValue = "churn", description = "column with the label (default: ${DEFAULT-VALUE})")
    String labelCol;

    @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "label value meaning churned")
    String positive;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "snapshot directory to write (must not exist or be empty)")
    Path out;

    @Option(names = "--version", defaultValue = "1", paramLabel = "N", description = "model version (default: ${DEFAULT-VALUE})")
    long version;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the fold assignment (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--l2", split = ",", defaultValue = "1e-3,1e-2,3e-2", paramLabel = "X[,X...]",
            description = "candidate L2 strengths of the final regression (default: ${DEFAULT-VALUE})")
    double[] l2;

    @Option(names = "--trees", split = ",", defaultValue = "0,40", paramLabel = "N[,N...]",
            description = "candidate numbers of boosted trees whose leaves become features (default: ${DEFAULT-VALUE})")
    int[] trees;

    @Option(names = "--interactions", defaultValue = "4", paramLabel = "N",
            description = "pairwise interactions, chosen from the trees' splits (default: ${DEFAULT-VALUE})")
    int interactions;

    @Override
    public Integer call() throws Exception {
        ChurnTraining.Settings settings = new ChurnTraining.Settings();
        settings.data = data;
        settings.labelCol = labelCol;
        settings.positiveLabel = positive;
        settings.version = version;
        settings.folds = folds;
        settings.seed = seed;
        settings.l2 = l2;
        settings.trees = trees;
        settings.interactions = interactions;
        ChurnModel model = ChurnTraining.train(settings, System.out);
        ChurnTraining.save(model, out);
        System.out.println("wrote " + model.id() + " to " + out);
        return 0;
    }
}
