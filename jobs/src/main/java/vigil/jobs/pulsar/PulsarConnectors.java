package vigil.jobs.pulsar;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.pulsar.sink.PulsarSink;
import org.apache.flink.connector.pulsar.sink.writer.router.TopicRoutingMode;
import org.apache.flink.connector.pulsar.source.PulsarSource;
import org.apache.flink.connector.pulsar.source.enumerator.cursor.StartCursor;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.OutputEncoding;
import vigil.operators.decode.RawRecord;
import vigil.schemas.streams.StreamId;

import java.util.List;

/**
 * Builds the job's Pulsar source (every input topic configured on Pulsar, from the earliest message
 * on a new subscription) and its Pulsar sinks, keyed like the Kafka ones.
 */
public final class PulsarConnectors {
    private PulsarConnectors() {}

    public static PulsarSource<RawRecord> source(VigilConfig config, List<String> topics) {
        PulsarSettings pulsar = config.pulsar;
        return PulsarSource.builder()
                .setServiceUrl(pulsar.serviceUrl)
                .setAdminUrl(pulsar.adminUrl)
                .setTopics(topics)
                .setSubscriptionName(pulsar.subscription)
                .setStartCursor(StartCursor.earliest())
                .setDeserializationSchema(new RawMessageDeserializer(new PulsarTopics(topics)))
                .setConfig(options(pulsar))
                .build();
    }

    public static <T> PulsarSink<T> sink(VigilConfig config, StreamId stream, OutputEncoding<T> encoding) {
        PulsarSettings pulsar = config.pulsar;
        Class<? extends SpecificRecord> valueType = stream.recordType();
        return PulsarSink.builder()
                .setServiceUrl(pulsar.serviceUrl)
                .setAdminUrl(pulsar.adminUrl)
                .setTopics(config.topic(stream))
                .setDeliveryGuarantee(pulsar.deliveryGuarantee)
                // a key's messages go to one partition, in order, as on Kafka
                .setTopicRoutingMode(TopicRoutingMode.MESSAGE_KEY_HASH)
                .setSerializationSchema(new PulsarRecordEncoder<>(valueType, config.format(stream), encoding))
                .setConfig(options(pulsar))
                .build();
    }

    private static Configuration options(PulsarSettings pulsar) {
        return Configuration.fromMap(pulsar.properties);
    }
}
