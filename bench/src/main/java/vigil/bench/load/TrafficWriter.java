package vigil.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.GeneratorSettings;
import vigil.jobs.generator.TrafficGenerator;
import vigil.jobs.kafka.KafkaClients;
import vigil.schemas.streams.StreamId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes the synthetic generator's mixed traffic (calls, chats, social posts, clicks, profiles,
 * outcomes, 0.1 % malformed records) to the input topics: either a backlog as fast as possible, or a
 * steady rate with each valid record's {@code timestamp} set to the wall-clock time it is sent (its
 * creation time, from which the benchmark measures latency).
 */
public final class TrafficWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VigilConfig config;
    private final TrafficGenerator generator;
    private final Map<StreamId, Long> sent = new EnumMap<>(StreamId.class);

    public TrafficWriter(VigilConfig config, GeneratorSettings settings) {
        this.config = config;
        this.generator = new TrafficGenerator(settings);
    }

    /** Mixed traffic for {@code customers} customers whose event times run at {@code eventsPerSecond}, from {@code start}. */
    public static GeneratorSettings traffic(int customers, long seed, double eventsPerSecond, long start) {
        return GeneratorSettings.builder().customers(customers).seed(seed).eventsPerSecond(eventsPerSecond)
                .startTime(start).malformedFraction(0.001).build();
    }

    /** Writes {@code count} records with the generator's own event times, as fast as the broker takes them. */
    public void backlog(long count) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            for (long i = 0; i < count; i++) {
                GeneratedRecord record = generator.next();
                send(producer, record, record.value(), record.timestamp());
            }
            producer.flush();
        }
    }

    /** Records sent by {@link #paced} and the seconds it took. */
    public record Sent(long records, double seconds) {
        public double perSecond() {
            return records / seconds;
        }
    }

    /**
     * Writes {@code rate} records per second for {@code seconds}, each valid one stamped with its send time;
     * returns the records sent and the time taken. Stops early when interrupted.
     */
    public Sent paced(double rate, double seconds) {
        long startNanos = System.nanoTime();
        long total = (long) (rate * seconds);
        long i = 0;
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            for (; i < total && !Thread.currentThread().isInterrupted(); i++) {
                long wait = startNanos + (long) (i * 1e9 / rate) - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
                GeneratedRecord record = generator.next();
                long now = System.currentTimeMillis();
                send(producer, record, record.isValid() ? restamp(record.value(), now) : record.value(), now);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Sent(i, (System.nanoTime() - startNanos) / 1e9);
    }

    private void send(KafkaProducer<byte[], byte[]> producer, GeneratedRecord record, byte[] value, long timestamp) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(config.topic(record.stream()), null, timestamp, key, value));
        sent.merge(record.stream(), 1L, Long::sum);
    }

    /** The record with its event time replaced. */
    static byte[] restamp(byte[] value, long timestamp) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node instanceof ObjectNode && node.has("timestamp")) {
                ((ObjectNode) node).put("timestamp", timestamp);
                return JSON.writeValueAsBytes(node);
            }
            return value;
        } catch (IOException e) {
            return value;
        }
    }

    /** Records written so far per input stream. */
    public Map<StreamId, Long> sent() {
        return new EnumMap<>(sent);
    }
}
