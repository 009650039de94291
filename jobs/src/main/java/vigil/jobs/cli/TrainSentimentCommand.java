package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.training.SentimentTraining;
import vigil.operators.sentiment.SentimentModel;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train-sentiment",
        description = "Trains the fast sentiment model on a labeled CSV file and writes a versioned snapshot. Hash bits, "
                + "L2 and the neutral band are chosen by k-fold cross-validation on --data alone; --dev is only evaluated.")
final class TrainSentimentCommand implements Callable<Integer> {
    // not mixinStandardHelpOptions: its --version would clash with the model's --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "training data (CSV with a header row)")
    Path data;

    @Option(names = "--text-col", defaultValue = "text", description = "column with the text (default: ${DEFAULT-VALUE})")
    String textCol;

    @Option(names = "--label-col", defaultValue = "label", description = "column with the label (default: ${DEFAULT-VALUE})")
    String labelCol;

    @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "label value of the positive class")
    String positive;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "snapshot directory to write (must not exist or be empty)")
    Path out;

    @Option(names = "--dev", paramLabel = "FILE.csv", description = "development data: evaluated and recorded, never used to choose")
    Path dev;

    @Option(names = "--version", defaultValue = "1", paramLabel = "N", description = "model version (default: ${DEFAULT-VALUE})")
    long version;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the fold assignment (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--hash-bits", split = ",", defaultValue = "16,18", paramLabel = "N[,N...]",
            description = "candidate log2 hashed feature slots (default: ${DEFAULT-VALUE})")
    int[] hashBits;

    @Option(names = "--l2", split = ",", defaultValue = "1e-4,3e-4,1e-3", paramLabel = "X[,X...]",
            description = "candidate L2 regularization strengths (default: ${DEFAULT-VALUE})")
    double[] l2;

    @Override
    public Integer call() throws Exception {
        SentimentTraining.Settings settings = new SentimentTraining.Settings();
        settings.data = data;
        settings.textCol = textCol;
        settings.labelCol = labelCol;
        settings.positiveLabel = positive;
        settings.dev = dev;
        settings.version = version;
        settings.folds = folds;
        settings.seed = seed;
        settings.hashBits = hashBits;
        settings.l2 = l2;
        SentimentModel model = SentimentTraining.train(settings, System.out);
        SentimentTraining.save(model, out);
        System.out.println("wrote " + model.metadata().id() + " to " + out);
        return 0;
    }
}
