package vigil.bench.load;

import vigil.jobs.Outputs;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.jobs.kafka.OutputEncoding;
import vigil.schemas.streams.StreamId;

/** The scoring job's Kafka outputs exactly as in production, each record also stamped with its emit time. */
final class BenchOutputs {
    private BenchOutputs() {}

    static Outputs of(VigilConfig config) {
        return new Outputs(
                sink(config, StreamId.SCORES, OutputEncoding.SCORES),
                sink(config, StreamId.ENRICHED, OutputEncoding.ENRICHED),
                sink(config, StreamId.DEAD_LETTERS, OutputEncoding.DEAD_LETTERS),
                sink(config, StreamId.CONTROL, OutputEncoding.MODEL_UPDATES),
                sink(config, StreamId.ALERTS, OutputEncoding.ALERTS))
                .withRuleStatus(sink(config, StreamId.RULE_STATUS, OutputEncoding.RULE_STATUS));
    }

    private static <T> org.apache.flink.api.connector.sink2.Sink<T> sink(VigilConfig config, StreamId stream,
                                                                         OutputEncoding<T> encoding) {
        return KafkaConnectors.sink(config, stream.name().toLowerCase(),
                new EmitStamp<>(KafkaConnectors.encoder(config, stream, encoding)));
    }
}
