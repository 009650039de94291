package vigil.jobs.training;

import vigil.operators.sentiment.BinaryMetrics;
import vigil.operators.sentiment.FastSentiment;
import vigil.operators.sentiment.SentimentEvaluation;
import vigil.operators.sentiment.SentimentScorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fast and the deep sentiment paths on one labeled file, side by side: the fast path on every
 * row, and both on the first {@code deepSample} rows (the deep path manages tens of messages a
 * second), so the two columns that share rows compare like with like. Also the fast path's
 * throughput on short messages, made of the first ten words of each text.
 */
public final class SentimentComparison {
    /** Words kept of each text for the short-message throughput. */
    public static final int SHORT_WORDS = 10;
    private static final int DEEP_WARMUP = 5;
    /** Short messages are fast: time several passes over them (after one untimed) for a steady figure. */
    private static final int SHORT_PASSES = 5;

    /** One column: which scorer, on how many rows, how well. */
    public record Column(String path, String model, String rows, BinaryMetrics metrics) {
    }

    /** The whole comparison. */
    public record Result(String data, int rows, String positiveLabel, int positives, List<Column> columns,
                         double fastShortMessagesPerSecond) {
    }

    private SentimentComparison() {}

    /**
     * @param deep gives the deep scorer when it is needed (after the fast path's timings, as loading
     *     it is heavy), or is null to leave it out; its score is P(pos) − P(neg), decided at 0
     */
    public static Result run(String dataName, List<LabeledText> rows, String positiveLabel, FastSentiment fast,
                             Supplier<? extends SentimentScorer> deep, String deepModel, int deepSample) {
        List<String> texts = LabeledCsv.texts(rows);
        boolean[] positive = LabeledCsv.positives(rows, positiveLabel);
        List<Column> columns = new ArrayList<>();
        String fastModel = fast.metadata().id();
        // the fast path is cheap: warm it up on every text, and time short messages before the deep path
        // loads its models and leaves garbage behind
        columns.add(new Column("fast", fastModel, "all",
                SentimentEvaluation.evaluate(fast, texts, positive, fast.decisionScore(), texts.size())));
        List<String> shortTexts = new ArrayList<>();
        for (int pass = 0; pass < SHORT_PASSES; pass++) {
            shortTexts.addAll(shortMessages(texts));
        }
        double shortRate = SentimentEvaluation.messagesPerSecond(fast, shortTexts, shortTexts.size() / SHORT_PASSES);
        int n = Math.min(deepSample, rows.size());
        if (deep != null && n > 0) {
            List<String> subset = texts.subList(0, n);
            boolean[] subsetPositive = Arrays.copyOf(positive, n);
            columns.add(new Column("fast", fastModel, "first " + n,
                    SentimentEvaluation.evaluate(fast, subset, subsetPositive, fast.decisionScore(), 0)));
            columns.add(new Column("deep", deepModel, "first " + n,
                    SentimentEvaluation.evaluate(deep.get(), subset, subsetPositive, 0.0, DEEP_WARMUP)));
        }
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        return new Result(dataName, rows.size(), positiveLabel, positives, columns, shortRate);
    }

    /** The first {@link #SHORT_WORDS} words of each text. */
    static List<String> shortMessages(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            String[] words = text.trim().split("\\s+");
            out.add(String.join(" ", Arrays.copyOf(words, Math.min(SHORT_WORDS, words.length))));
        }
        return out;
    }
}
