package vigil.jobs.evaluation;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import vigil.schemas.ScoreUpdate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code customerId<TAB>churnRisk} for every scored update, one part file per subtask. */
final class RiskFileSink implements Sink<ScoreUpdate> {
    private static final long serialVersionUID = 1L;

    private final String directory;

    RiskFileSink(Path directory) {
        this.directory = directory.toString();
    }

    @Override
    public SinkWriter<ScoreUpdate> createWriter(InitContext context) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(Path.of(directory, "part-" + context.getSubtaskId()),
                StandardCharsets.UTF_8);
        return new SinkWriter<>() {
            @Override
            public void write(ScoreUpdate update, Context context) throws IOException {
                if (update.getScore() != null && update.getScore().getChurnRisk() != null) {
                    out.write(update.getCustomerId() + '\t' + update.getScore().getChurnRisk() + '\n');
                }
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
