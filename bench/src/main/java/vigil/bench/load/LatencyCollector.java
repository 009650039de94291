package vigil.bench.load;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaClients;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads output topics with {@code read_committed}, as a downstream consumer does, and records per
 * output two latencies of each record: creation → visible (the time the consumer received it, which
 * includes waiting for the checkpoint that commits the sink's transaction) and creation → emit (the
 * {@link EmitStamp} header: the time the sink handed it to the producer). Creation is the Kafka record
 * timestamp, which Flink's sink sets to the element's event time: the {@code timestamp} of the input
 * event that produced the output, which {@link TrafficWriter#paced} set to its send time.
 */
public final class LatencyCollector implements Runnable {
    /** One measured output: a topic and which of its records count. */
    public record Output(String label, String topic, Predicate<String> keyFilter) {}

    private final VigilConfig config;
    private final Map<String, Output> byTopic = new LinkedHashMap<>();
    private final Map<String, Samples> visible = new LinkedHashMap<>();
    private final Map<String, Samples> emitted = new LinkedHashMap<>();
    private final Map<String, Long> firstEmitted = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile long countFrom;

    public LatencyCollector(VigilConfig config, List<Output> outputs) {
        this.config = config;
        for (Output output : outputs) {
            byTopic.put(output.topic(), output);
            visible.put(output.label(), new Samples());
            emitted.put(output.label(), new Samples());
        }
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "vigil-bench")) {
            consumer.subscribe(List.copyOf(byTopic.keySet()));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Output output = byTopic.get(record.topic());
                    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                    if (output == null || record.timestamp() < countFrom || !output.keyFilter().test(key)) {
                        continue;
                    }
                    visible.get(output.label()).add(now - record.timestamp());
                    long emit = EmitStamp.read(record.headers());
                    if (emit >= 0) {
                        emitted.get(output.label()).add(emit - record.timestamp());
                        firstEmitted.merge(output.label(), emit, Math::min);
                    }
                }
            }
        }
    }

    /** Only outputs of events created from this time on count (the warm-up is left out). */
    public void countFrom(long epochMillis) {
        countFrom = epochMillis;
    }

    public void stop() {
        running = false;
    }

    /** Creation → visible to a read_committed consumer, per output label. */
    public Map<String, Samples> visible() {
        return visible;
    }

    /** The earliest emit time (epoch millis) of a counted record, per output label; -1 if none. */
    public long firstEmitted(String label) {
        return firstEmitted.getOrDefault(label, -1L);
    }

    /** Creation → emitted by the sink, per output label. */
    public Map<String, Samples> emitted() {
        return emitted;
    }
}
