package vigil.bench.load;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.operators.decode.RawRecord;

/**
 * The baseline: Kafka to Kafka, the records unchanged, with the scoring job's source, parallelism,
 * state backend, checkpoints and exactly-once sink settings.
 */
public final class PassThroughJob {
    /** Name of the operator whose input the benchmark counts. */
    public static final String OPERATOR = "pass-through";

    private PassThroughJob() {}

    public static void wire(StreamExecutionEnvironment env, VigilConfig config, String outputTopic) {
        new ScoringJob(config).configure(env);
        env.fromSource(KafkaConnectors.source(config), WatermarkStrategy.noWatermarks(), "kafka inputs")
                .uid("kafka-inputs")
                .map(new Identity()).uid(OPERATOR).name(OPERATOR)
                .sinkTo(KafkaConnectors.sink(config, "pass-through", new EmitStamp<>(new Copy(outputTopic))))
                .uid("pass-through-sink").name("pass-through sink");
    }

    /** The first operator after the source, as the scoring job's decoder is: counts what the job consumed. */
    static final class Identity implements MapFunction<RawRecord, RawRecord> {
        @Override
        public RawRecord map(RawRecord record) {
            return record;
        }
    }

    /** Writes the record's key and value, with its original timestamp, to the output topic. */
    static final class Copy implements KafkaRecordSerializationSchema<RawRecord> {
        private final String topic;

        Copy(String topic) {
            this.topic = topic;
        }

        @Override
        public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {}

        @Override
        public ProducerRecord<byte[], byte[]> serialize(RawRecord record, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, record.timestamp, record.key, record.value);
        }
    }
}
