package vigil.jobs.streams;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.jobs.kafka.OutputEncoding;
import vigil.jobs.pulsar.PulsarConnectors;
import vigil.operators.decode.RawRecord;
import vigil.schemas.streams.StreamId;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's sources and sinks, each on the system its stream is configured on (`systems:`): one Kafka
 * source for the Kafka inputs (uid kafka-inputs), one Pulsar source for the Pulsar inputs (uid
 * pulsar-inputs), both handing raw records to the same decoder.
 */
public final class Connectors {
    private Connectors() {}

    public static DataStream<RawRecord> inputs(StreamExecutionEnvironment env, VigilConfig config) {
        List<String> onPulsar = inputTopics(config, StreamSystem.PULSAR);
        DataStream<RawRecord> kafka = null;
        if (!inputTopics(config, StreamSystem.KAFKA).isEmpty()) {
            kafka = env.fromSource(KafkaConnectors.source(config), WatermarkStrategy.noWatermarks(), "kafka inputs")
                    .uid("kafka-inputs");
        }
        if (onPulsar.isEmpty()) {
            return kafka;
        }
        DataStream<RawRecord> pulsar = env
                .fromSource(PulsarConnectors.source(config, onPulsar), WatermarkStrategy.noWatermarks(), "pulsar inputs")
                .uid("pulsar-inputs");
        return kafka == null ? pulsar : kafka.union(pulsar);
    }

    public static <T> Sink<T> sink(VigilConfig config, StreamId stream, OutputEncoding<T> encoding) {
        return config.system(stream) == StreamSystem.PULSAR
                ? PulsarConnectors.sink(config, stream, encoding)
                : KafkaConnectors.sink(config, stream, encoding);
    }

    /** The input topics on one system. */
    public static List<String> inputTopics(VigilConfig config, StreamSystem system) {
        List<String> topics = new ArrayList<>();
        for (StreamId stream : StreamId.values()) {
            if (stream.isInput() && config.system(stream) == system) {
                topics.add(config.topic(stream));
            }
        }
        return topics;
    }
}
