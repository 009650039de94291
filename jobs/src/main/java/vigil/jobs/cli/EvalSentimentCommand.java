package vigil.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.training.ComparisonTable;
import vigil.jobs.training.LabeledCsv;
import vigil.jobs.training.LabeledText;
import vigil.jobs.training.SentimentComparison;
import vigil.operators.sentiment.FastSentiment;
import vigil.operators.text.DeepSentiment;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "eval-sentiment", mixinStandardHelpOptions = true,
        description = "Evaluates the fast and the deep sentiment paths side by side on a labeled CSV file (binary: the "
                + "positive label vs. the rest): accuracy, macro-F1, ROC-AUC, confusion matrix, messages per second per core.")
final class EvalSentimentCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "labeled data (CSV with a header row)")
    Path data;

    @Option(names = "--text-col", defaultValue = "text", description = "column with the text (default: ${DEFAULT-VALUE})")
    String textCol;

    @Option(names = "--label-col", defaultValue = "label", description = "column with the label (default: ${DEFAULT-VALUE})")
    String labelCol;

    @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "label value of the positive class")
    String positive;

    @Option(names = "--deep-sample", defaultValue = "200", paramLabel = "N",
            description = "rows (the first N) scored by the slow deep path, and by the fast path again for comparison; 0 skips it (default: ${DEFAULT-VALUE})")
    int deepSample;

    @Option(names = "--model", paramLabel = "DIR", description = "fast-path snapshot directory (default: the shipped model)")
    Path model;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<LabeledText> rows = LabeledCsv.read(data, textCol, labelCol);
        FastSentiment fast = model == null ? FastSentiment.shared() : FastSentiment.load(model);
        SentimentComparison.Result result = SentimentComparison.run(data.getFileName().toString(), rows, positive,
                fast, DeepSentiment::shared, DeepSentiment.MODEL, deepSample);
        System.out.print(json ? new ObjectMapper().writeValueAsString(result) + "\n" : ComparisonTable.format(result));
        return 0;
    }
}
