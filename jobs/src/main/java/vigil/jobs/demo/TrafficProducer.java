package vigil.jobs.demo;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.TrafficGenerator;
import vigil.jobs.kafka.KafkaClients;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes synthetic traffic to the input topics in real time: a record is sent when the wall clock
 * reaches its event time, so event time and processing time move together as in production.
 */
public final class TrafficProducer implements Runnable {
    private final VigilConfig config;
    private final TrafficGenerator generator;
    private final long startEventTime;
    private final Map<StreamId, AtomicLong> sent = new EnumMap<>(StreamId.class);
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean eraseNextCaller;

    public TrafficProducer(VigilConfig config, TrafficGenerator generator, long startEventTime) {
        this.config = config;
        this.generator = generator;
        this.startEventTime = startEventTime;
        for (StreamId stream : StreamId.values()) {
            if (stream.isInput()) {
                sent.put(stream, new AtomicLong());
            }
        }
    }

    @Override
    public void run() {
        long startNanos = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            while (running) {
                GeneratedRecord record = generator.next();
                long dueNanos = startNanos + (record.timestamp() - startEventTime) * 1_000_000L;
                long wait = dueNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                producer.send(new ProducerRecord<>(config.topic(record.stream()), null,
                        Math.min(record.timestamp(), System.currentTimeMillis()),
                        record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value()));
                sent.get(record.stream()).incrementAndGet();
                if (record.malformation() != null) {
                    malformed.incrementAndGet();
                } else if (eraseNextCaller && record.stream() == StreamId.CALLS) {
                    eraseNextCaller = false;
                    producer.send(erasure(record.key(), record.timestamp()));
                    sent.get(StreamId.CONTROL).incrementAndGet();
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for the erasure of the next customer seen on a call, as a data-protection request would. */
    public void eraseNextCaller() {
        eraseNextCaller = true;
    }

    private ProducerRecord<byte[], byte[]> erasure(String customerId, long timestamp) {
        String json = "{\"id\":\"erase-" + customerId + "\",\"type\":\"ERASE_CUSTOMER\",\"customerId\":\""
                + customerId + "\",\"timestamp\":" + timestamp + ",\"issuedBy\":\"vigil-demo\"}";
        return new ProducerRecord<>(config.topic(StreamId.CONTROL), customerId.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public void stop() {
        running = false;
    }

    /** Records sent so far per input stream. */
    public Map<StreamId, Long> sent() {
        Map<StreamId, Long> counts = new EnumMap<>(StreamId.class);
        sent.forEach((stream, count) -> counts.put(stream, count.get()));
        return counts;
    }

    public long malformedSent() {
        return malformed.get();
    }
}
