package vigil.console.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import vigil.console.AlertAction;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaClients;
import vigil.schemas.ControlMessage;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes supervisors' alert actions to cx.control (key: the alert id, so one alert's actions stay in
 * order), in the control stream's configured format. The console shows an action when it reads it back.
 */
public final class ActionWriter implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final RecordCodec<ControlMessage> codec;

    public ActionWriter(VigilConfig config) {
        this.producer = KafkaClients.producer(config);
        this.topic = config.topic(StreamId.CONTROL);
        this.codec = RecordCodec.of(ControlMessage.class, config.format(StreamId.CONTROL));
    }

    /** Sends the action and waits until the broker has it; returns the control message's id. */
    public String write(AlertAction action) throws InterruptedException, ExecutionException, TimeoutException {
        ControlMessage message = action.toControlMessage();
        producer.send(new ProducerRecord<>(topic, action.alertId().getBytes(StandardCharsets.UTF_8),
                codec.encode(message))).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return message.getId();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
