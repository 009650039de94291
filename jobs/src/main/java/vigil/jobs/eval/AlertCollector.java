package vigil.jobs.eval;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import vigil.schemas.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps the alerts of a job running on a local MiniCluster in this JVM, for evaluation. */
final class AlertCollector implements Sink<Alert> {
    private static final Map<String, Queue<Alert>> RESULTS = new ConcurrentHashMap<>();

    private final String name;

    AlertCollector(String name) {
        this.name = name;
        RESULTS.put(name, new ConcurrentLinkedQueue<>());
    }

    List<Alert> alerts() {
        return new ArrayList<>(RESULTS.get(name));
    }

    void release() {
        RESULTS.remove(name);
    }

    @Override
    public SinkWriter<Alert> createWriter(InitContext context) {
        Queue<Alert> queue = RESULTS.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(Alert alert, Context ctx) {
                queue.add(alert);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
