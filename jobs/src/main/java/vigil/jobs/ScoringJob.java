package vigil.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.operators.customer.CustomerStateFunction;
import vigil.operators.decode.DeadLetters;
import vigil.operators.decode.DecodeFunction;
import vigil.operators.decode.RawRecord;
import vigil.operators.enrich.AnalyzeFunction;
import vigil.operators.enrich.InteractionsOnly;
import vigil.operators.spike.ComplaintSignals;
import vigil.operators.spike.SpikeDetector;
import vigil.schemas.CustomerEvent;
import vigil.schemas.TopicSignal;

/**
 * The scoring job: decode and validate every input, dead-letter what is wrong, analyze texts
 * (redaction, topics, entities, sentiment), keep per-customer state and publish scores and
 * enriched interactions. It only wires; the logic lives in operators.
 */
public final class ScoringJob {
    private final VigilConfig config;

    public ScoringJob(VigilConfig config) {
        this.config = config;
    }

    /** Applies the configured parallelism, RocksDB with incremental checkpoints and the restart strategy. */
    public void configure(StreamExecutionEnvironment env) {
        env.setParallelism(config.parallelism);
        env.setStateBackend(new EmbeddedRocksDBStateBackend(true));
        env.enableCheckpointing(config.checkpoints.interval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        checkpoints.setCheckpointStorage(config.checkpoints.directory);
        checkpoints.setExternalizedCheckpointCleanup(
                CheckpointConfig.ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
        checkpoints.setMinPauseBetweenCheckpoints(config.checkpoints.interval.toMillis() / 2);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(config.checkpoints.restartAttempts,
                Time.milliseconds(config.checkpoints.restartDelay.toMillis())));
    }

    /** Reads every input topic from Kafka and writes every output to Kafka. */
    public void wireKafka(StreamExecutionEnvironment env) {
        DataStream<RawRecord> input = env
                .fromSource(KafkaConnectors.source(config), WatermarkStrategy.noWatermarks(), "kafka inputs")
                .uid("kafka-inputs");
        wire(input, Outputs.kafka(config));
    }

    public void wire(DataStream<RawRecord> input, Outputs outputs) {
        SingleOutputStreamOperator<CustomerEvent> decoded = input
                .process(new DecodeFunction(config.decodeSettings()))
                .uid("decode").name("decode + validate");
        decoded.getSideOutput(DeadLetters.TAG)
                .sinkTo(outputs.deadLetters).uid("dead-letters-sink").name("dead letters");

        DataStream<CustomerEvent> events = decoded
                .assignTimestampsAndWatermarks(watermarks())
                .uid("event-time").name("event time")
                .map(new AnalyzeFunction(config.analysisSettings()))
                .uid("analyze").name("text analysis");

        events.flatMap(new InteractionsOnly()).uid("interactions").name("interactions")
                .sinkTo(outputs.enriched).uid("enriched-sink").name("enriched");

        events.keyBy(CustomerEvent::getCustomerId)
                .process(new CustomerStateFunction(config.stateSettings()))
                .uid("customer-state").name("customer state")
                .sinkTo(outputs.scores).uid("scores-sink").name("scores");

        if (outputs.alerts != null && config.spikes.enabled) {
            wireSpikeDetection(events, outputs);
        }
    }

    /** Negative interactions per problem topic, across sources, to cx.alerts. */
    private void wireSpikeDetection(DataStream<CustomerEvent> events, Outputs outputs) {
        events.flatMap(new ComplaintSignals(config.spikeSignals())).uid("complaint-signals").name("complaint signals")
                .keyBy(TopicSignal::getTopic)
                .process(new SpikeDetector(config.spikeSettings()))
                .uid("spike-detector").name("spike detector")
                .sinkTo(outputs.alerts).uid("alerts-sink").name("alerts");
    }

    private WatermarkStrategy<CustomerEvent> watermarks() {
        return WatermarkStrategy.<CustomerEvent>forBoundedOutOfOrderness(config.eventTime.outOfOrderness)
                .withTimestampAssigner((event, previous) -> event.getTimestamp())
                .withIdleness(config.eventTime.idleness);
    }
}
