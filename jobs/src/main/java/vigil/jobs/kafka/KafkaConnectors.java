package vigil.jobs.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.streams.Connectors;
import vigil.jobs.streams.StreamSystem;
import vigil.operators.decode.RawRecord;
import vigil.schemas.streams.StreamId;

import java.util.List;
import java.util.Properties;

/** Builds the job's Kafka source (every input topic on Kafka, read committed) and its exactly-once sinks. */
public final class KafkaConnectors {
    private KafkaConnectors() {}

    public static KafkaSource<RawRecord> source(VigilConfig config) {
        List<String> topics = Connectors.inputTopics(config, StreamSystem.KAFKA);
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setGroupId(config.kafka.groupId)
                .setTopics(topics)
                .setStartingOffsets(StartOffsets.parse(config.kafka.startFrom))
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(clientProperties(config))
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }

    public static <T> KafkaSink<T> sink(VigilConfig config, StreamId stream, OutputEncoding<T> encoding) {
        return sink(config, stream.name().toLowerCase(), encoder(config, stream, encoding));
    }

    /** The encoder {@link #sink(VigilConfig, StreamId, OutputEncoding)} uses: the stream's topic and format. */
    public static <T> KafkaRecordEncoder<T> encoder(VigilConfig config, StreamId stream, OutputEncoding<T> encoding) {
        Class<? extends SpecificRecord> valueType = stream.recordType();
        return new KafkaRecordEncoder<>(config.topic(stream), valueType, config.format(stream), encoding);
    }

    /**
     * An exactly-once sink with the given serializer, its transactional ids prefixed with the configured prefix
     * and {@code name} (the load benchmark wraps the encoder, and writes its pass-through job with it).
     */
    public static <T> KafkaSink<T> sink(VigilConfig config, String name, KafkaRecordSerializationSchema<T> serializer) {
        Properties producer = clientProperties(config);
        producer.setProperty("transaction.timeout.ms", String.valueOf(config.kafka.transactionTimeout.toMillis()));
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setKafkaProducerConfig(producer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.kafka.transactionalIdPrefix + "-" + name)
                .setRecordSerializer(serializer)
                .build();
    }

    public static Properties clientProperties(VigilConfig config) {
        Properties properties = new Properties();
        properties.putAll(config.kafka.properties);
        return properties;
    }
}
