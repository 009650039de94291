package vigil.jobs.training;

import vigil.operators.sentiment.BinaryMetrics;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Prints a {@link SentimentComparison.Result} as a plain-text table, one column per scorer and subset. */
public final class ComparisonTable {
    private static final String ROW = "%-22s";
    private static final String CELL = "%22s";

    private ComparisonTable() {}

    public static String format(SentimentComparison.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d rows, positive = %s (%d rows, %.1f %%)%n", r.data(), r.rows(),
                r.positiveLabel(), r.positives(), 100.0 * r.positives() / Math.max(1, r.rows())));
        List<SentimentComparison.Column> columns = r.columns();
        line(out, "path", columns, SentimentComparison.Column::path);
        line(out, "model", columns, SentimentComparison.Column::model);
        line(out, "rows evaluated", columns, c -> c.metrics().rows() + " (" + c.rows() + ")");
        line(out, "accuracy", columns, c -> number(c.metrics().accuracy(), 4));
        line(out, "macro-F1", columns, c -> number(c.metrics().macroF1(), 4));
        line(out, "ROC-AUC", columns, c -> number(c.metrics().auc(), 4));
        line(out, "TP / FN", columns, c -> c.metrics().truePositives() + " / " + c.metrics().falseNegatives());
        line(out, "FP / TN", columns, c -> c.metrics().falsePositives() + " / " + c.metrics().trueNegatives());
        line(out, "labelled NEUTRAL", columns, c -> String.valueOf(c.metrics().neutral()));
        line(out, "msgs/s per core", columns, c -> rate(c.metrics()));
        out.append(String.format(Locale.ROOT, "fast path on short messages (first %d words of each text): %,.0f msgs/s per core%n",
                SentimentComparison.SHORT_WORDS, r.fastShortMessagesPerSecond()));
        out.append("predicted positive = score above the path's decision point (fast: its threshold; deep: 0); "
                + "AUC ranks by score\n");
        return out.toString();
    }

    private static void line(StringBuilder out, String name, List<SentimentComparison.Column> columns,
                             Function<SentimentComparison.Column, String> cell) {
        out.append(String.format(ROW, name));
        columns.forEach(c -> out.append(String.format(CELL, cell.apply(c))));
        out.append('\n');
    }

    private static String number(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private static String rate(BinaryMetrics m) {
        return m.messagesPerSecond() == null ? "-" : String.format(Locale.ROOT, "%,.0f", m.messagesPerSecond());
    }
}
