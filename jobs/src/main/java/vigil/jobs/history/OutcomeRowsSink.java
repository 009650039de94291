package vigil.jobs.history;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import vigil.schemas.ScoreUpdate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one CSV row per outcome event: customer, event time, the customer's features at that
 * moment and the outcome type. Each subtask writes its own part file, without a header;
 * {@link ChurnHistory} labels the rows and joins them.
 */
final class OutcomeRowsSink implements Sink<ScoreUpdate> {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final List<String> features;

    OutcomeRowsSink(Path directory, List<String> features) {
        this.directory = directory.toString();
        this.features = new ArrayList<>(features);
    }

    @Override
    public SinkWriter<ScoreUpdate> createWriter(InitContext context) throws IOException {
        Path part = Path.of(directory, "part-" + context.getSubtaskId() + ".csv");
        return new RowWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8), features);
    }

    private static final class RowWriter implements SinkWriter<ScoreUpdate> {
        private final CSVPrinter csv;
        private final List<String> features;

        RowWriter(Writer out, List<String> features) throws IOException {
            this.csv = new CSVPrinter(out, CSVFormat.RFC4180);
            this.features = features;
        }

        @Override
        public void write(ScoreUpdate update, Context context) throws IOException {
            if (update.getOutcome() == null || update.getScore() == null) {
                return;
            }
            List<Object> row = new ArrayList<>(features.size() + 3);
            row.add(update.getCustomerId());
            row.add(update.getEventTime());
            for (String name : features) {
                Object value = update.getFeatures().get(name);
                row.add(value == null ? "" : value);
            }
            row.add(update.getOutcome());
            csv.printRecord(row);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            csv.flush();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
