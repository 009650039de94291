package vigil.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vigil.jobs.config.VigilConfig;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.codec.RecordFormat;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.streams.StreamId;

/** The publish-* commands' write: one keyed control message, in the configured format, on cx.control. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlPublisherTest {

    @Test
    void writesTheMessageKeyedInTheControlTopicsFormat() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            VigilConfig config = new VigilConfig();
            config.kafka.bootstrapServers = kafka.bootstrapServers();
            config.formats.put(StreamId.CONTROL, RecordFormat.AVRO);
            kafka.createTopic(config.topic(StreamId.CONTROL), 1);
            ControlMessage message = ControlMessage.newBuilder().setId("rule-1").setTimestamp(1_000L)
                    .setType(ControlType.RULE_DELETE).setPayload("r1").setIssuedBy("test").build();

            ControlPublisher.publish(config, "r1", message);

            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "control-publisher-test")) {
                consumer.subscribe(List.of(config.topic(StreamId.CONTROL)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                }
            }
            assertThat(records).hasSize(1);
            assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("r1");
            assertThat(RecordCodec.of(ControlMessage.class, RecordFormat.AVRO).decode(records.get(0).value()))
                    .isEqualTo(message);
        }
    }
}
