package vigil.jobs.kafka;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.jobs.config.VigilConfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given a partition on a real broker holding ten records one second apart, kafka.startFrom resolves to the
 * offsets the Kafka source starts from: the first record at or after a timestamp, the beginning, the end.
 */
class StartOffsetsTest {
    private static final String TOPIC = "replay-test";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final long T0 = Instant.parse("2026-11-30T08:00:00Z").toEpochMilli();
    private static EmbeddedKafka kafka;
    private static VigilConfig config;

    @BeforeAll
    static void tenRecords() {
        kafka = EmbeddedKafka.start();
        kafka.createTopic(TOPIC, 1);
        config = new VigilConfig();
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, T0 + i * 1000L, null,
                        ("r" + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void timestampStartsAtTheFirstRecordAtOrAfterIt() {
        assertThat(offset("timestamp:2026-11-30T08:00:05Z")).isEqualTo(5);
        assertThat(offset("timestamp:" + (T0 + 4_500))).as("epoch milliseconds").isEqualTo(5);
        assertThat(offset(" Timestamp: 2026-11-30T07:00:00Z")).as("before every record").isZero();
    }

    @Test
    void afterTheLastRecordStartsAtTheEnd() {
        assertThat(offset("timestamp:2026-11-30T09:00:00Z")).isEqualTo(10);
    }

    @Test
    void earliestLatestAndCommitted() {
        assertThat(offset("earliest")).isEqualTo(KafkaPartitionSplit.EARLIEST_OFFSET);
        assertThat(offset("latest")).as("the end offset, asked of the broker").isEqualTo(10);
        assertThat(offset("committed")).isEqualTo(KafkaPartitionSplit.COMMITTED_OFFSET);
        assertThat(StartOffsets.parse("committed").getAutoOffsetResetStrategy())
                .as("no committed offset: from the beginning").isEqualTo(OffsetResetStrategy.EARLIEST);
        assertThat(offset(null)).as("the default").isEqualTo(KafkaPartitionSplit.COMMITTED_OFFSET);
    }

    @Test
    void badValuesAreRejectedWithTheAccepted() {
        assertThatThrownBy(() -> StartOffsets.parse("yesterday")).hasMessageContaining("timestamp:");
        assertThatThrownBy(() -> StartOffsets.parse("timestamp:30/11/2026")).hasMessageContaining("ISO-8601");
    }

    private static long offset(String startFrom) {
        OffsetsInitializer initializer = StartOffsets.parse(startFrom);
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "start-offsets")) {
            Map<TopicPartition, Long> offsets = initializer.getPartitionOffsets(List.of(PARTITION), new Retriever(consumer));
            return offsets.get(PARTITION);
        }
    }

    /** What the Kafka source's enumerator asks the broker, through a real consumer. */
    private record Retriever(KafkaConsumer<byte[], byte[]> consumer) implements OffsetsInitializer.PartitionOffsetsRetriever {
        @Override
        public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> result = new java.util.HashMap<>();
            consumer.committed(new java.util.HashSet<>(partitions)).forEach((p, o) -> result.put(p, o == null ? -3L : o.offset()));
            return result;
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            return consumer.endOffsets(partitions);
        }

        @Override
        public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
            return consumer.beginningOffsets(partitions);
        }

        @Override
        public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
            // like the enumerator's own retriever: partitions with no record at or after the time are left out
            Map<TopicPartition, OffsetAndTimestamp> found = new java.util.HashMap<>();
            consumer.offsetsForTimes(timestamps).forEach((p, o) -> {
                if (o != null) {
                    found.put(p, o);
                }
            });
            return found;
        }
    }
}
