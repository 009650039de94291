package vigil.jobs.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import vigil.jobs.config.VigilConfig;
import vigil.schemas.ControlMessage;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/** Writes one control message to cx.control in its configured format and waits for the broker's acknowledgement. */
public final class ControlPublisher {
    private ControlPublisher() {
    }

    public static void publish(VigilConfig config, String key, ControlMessage message)
            throws ExecutionException, InterruptedException {
        byte[] value = RecordCodec.of(ControlMessage.class, config.format(StreamId.CONTROL)).encode(message);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            producer.send(new ProducerRecord<>(config.topic(StreamId.CONTROL),
                    key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }
}
