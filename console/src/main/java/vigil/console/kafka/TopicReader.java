package vigil.console.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.console.AlertAction;
import vigil.console.metrics.ConsoleMetrics;
import vigil.console.view.LiveView;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.schemas.Alert;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerScore;
import vigil.schemas.Interaction;
import vigil.schemas.codec.DecodeException;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads cx.alerts and cx.control from the beginning (alerts and the supervisors' actions on them) and
 * cx.scores and cx.enriched from {@code console.lookback} ago, read_committed, into the live view. No
 * consumer group: every console instance reads everything. Unreadable records are logged and skipped.
 */
public final class TopicReader implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);

    private final VigilConfig config;
    private final LiveView view;
    private final ConsoleMetrics metrics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordCodec<Alert> alerts;
    private final RecordCodec<ControlMessage> control;
    private final RecordCodec<CustomerScore> scores;
    private final RecordCodec<Interaction> enriched;
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running = true;

    public TopicReader(VigilConfig config, LiveView view, ConsoleMetrics metrics) {
        this.config = config;
        this.view = view;
        this.metrics = metrics;
        this.consumer = new KafkaConsumer<>(properties(config));
        this.alerts = RecordCodec.of(Alert.class, config.format(StreamId.ALERTS));
        this.control = RecordCodec.of(ControlMessage.class, config.format(StreamId.CONTROL));
        this.scores = RecordCodec.of(CustomerScore.class, config.format(StreamId.SCORES));
        this.enriched = RecordCodec.of(Interaction.class, config.format(StreamId.ENRICHED));
    }

    private static Properties properties(VigilConfig config) {
        Properties p = KafkaConnectors.clientProperties(config);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    @Override
    public void run() {
        try {
            assign();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("The console stopped reading Kafka", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The four topics the console reads. */
    public static List<String> topics(VigilConfig config) {
        return List.of(config.topic(StreamId.ALERTS), config.topic(StreamId.CONTROL), config.topic(StreamId.SCORES),
                config.topic(StreamId.ENRICHED));
    }

    /** Every partition of the four topics, waiting for topics that do not exist yet. */
    private void assign() {
        List<String> fromStart = List.of(config.topic(StreamId.ALERTS), config.topic(StreamId.CONTROL));
        List<String> recent = List.of(config.topic(StreamId.SCORES), config.topic(StreamId.ENRICHED));
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : concat(fromStart, recent)) {
            all.addAll(partitions(topic));
        }
        consumer.assign(all);
        consumer.seekToBeginning(all.stream().filter(tp -> fromStart.contains(tp.topic())).toList());
        Map<TopicPartition, Long> since = new HashMap<>();
        long start = System.currentTimeMillis() - config.console.lookback.toMillis();
        all.stream().filter(tp -> recent.contains(tp.topic())).forEach(tp -> since.put(tp, start));
        // the end first: a record written after it is newer than the lookback, so none is skipped
        Map<TopicPartition, Long> ends = consumer.endOffsets(since.keySet());
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since);
        offsets.forEach((tp, offset) -> consumer.seek(tp, offset == null ? ends.get(tp) : offset.offset()));
        LOG.info("Console reading {} partitions of {} and {}", all.size(), fromStart, recent);
    }

    private List<TopicPartition> partitions(String topic) {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            LOG.info("Waiting for topic {}", topic);
            sleep();
        }
        throw new WakeupException();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        metrics.recordRead(topic, record.timestamp());
        try {
            if (topic.equals(config.topic(StreamId.ALERTS))) {
                view.onAlert(alerts.decode(record.value()));
                metrics.alertReceived();
            } else if (topic.equals(config.topic(StreamId.CONTROL))) {
                AlertAction action = AlertAction.fromControlMessage(control.decode(record.value()));
                if (action != null) {
                    view.onAction(action);
                }
            } else if (topic.equals(config.topic(StreamId.SCORES))) {
                String customer = new String(record.key(), StandardCharsets.UTF_8);
                view.onScore(customer, record.value() == null ? null : scores.decode(record.value()));
            } else {
                view.onInteraction(enriched.decode(record.value()));
            }
        } catch (DecodeException | RuntimeException e) {
            skipped.incrementAndGet();
            metrics.recordSkipped(topic);
            LOG.warn("Console skipped an unreadable record at {}-{}@{}: {}", topic, record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** Records that could not be read. */
    public long skipped() {
        return skipped.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }

    private void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
