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
import org.apache.flink.api.common.typeinfo.Types;
import vigil.jobs.churn.ChurnModels;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.operators.churn.ModelParser;
import vigil.operators.churn.learn.OnlineLearner;
import vigil.operators.churn.stream.ChurnScoringFunction;
import vigil.operators.churn.stream.ChurnStateDescriptors;
import vigil.operators.churn.stream.ModelUpdateSplit;
import vigil.operators.customer.CustomerStateFunction;
import vigil.operators.decode.DeadLetters;
import vigil.operators.decode.DecodeFunction;
import vigil.operators.decode.RawRecord;
import vigil.operators.enrich.AnalyzeFunction;
import vigil.operators.enrich.InteractionsOnly;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerEvent;
import vigil.schemas.LabeledExample;
import vigil.schemas.ScoreUpdate;
import vigil.operators.spike.ComplaintSignals;
import vigil.operators.spike.SpikeDetector;
import vigil.schemas.CustomerEvent;
import vigil.schemas.TopicSignal;

/**
 * The scoring job: decode and validate every input, dead-letter what is wrong, analyze texts
 * (redaction, topics, entities, sentiment), keep per-customer state, score churn risk and publish
 * scores and enriched interactions; learn the churn model online from outcomes and publish the
 * models it promotes to cx.control, from where every subtask swaps them in by broadcast. It only
 * wires; the logic lives in operators.
 */
public final class ScoringJob {
    private final VigilConfig config;
    private final ModelParser modelParser;
    private final String initialModel;

    public ScoringJob(VigilConfig config) {
        this(config, ChurnModels.parser());
    }

    /** With another churn model parser (tests); the configured model must parse with it. */
    public ScoringJob(VigilConfig config, ModelParser modelParser) {
        this.config = config;
        this.modelParser = modelParser;
        this.initialModel = ChurnModels.initialModelJson(config.churn, modelParser);
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
        if (!config.checkpoints.alignedTimeout.isZero()) {
            checkpoints.enableUnalignedCheckpoints();
            checkpoints.setAlignedCheckpointTimeout(config.checkpoints.alignedTimeout);
        }
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

        SingleOutputStreamOperator<CustomerEvent> customerEvents = events
                .process(new ModelUpdateSplit()).uid("model-updates").name("model updates");
        DataStream<ControlMessage> modelUpdates = customerEvents.getSideOutput(ModelUpdateSplit.MODEL_UPDATES);

        SingleOutputStreamOperator<ScoreUpdate> scores = customerEvents.keyBy(CustomerEvent::getCustomerId)
                .process(new CustomerStateFunction(config.stateSettings(), config.featureSpec()))
                .uid("customer-state").name("customer state")
                .keyBy(ScoreUpdate::getCustomerId)
                .connect(modelUpdates.broadcast(ChurnStateDescriptors.MODELS))
                .process(new ChurnScoringFunction(config.churnSettings(), modelParser, initialModel))
                .uid("churn-scoring").name("churn scoring");
        scores.sinkTo(outputs.scores).uid("scores-sink").name("scores");

        if (config.churn.learner.enabled) {
            learn(scores.getSideOutput(ChurnStateDescriptors.LABELED_EXAMPLES), modelUpdates, outputs);
        }
        if (outputs.alerts != null && config.spikes.enabled) {
            wireSpikeDetection(events, outputs);
        }
    }

    /** One learner for the whole job: both inputs keyed by one constant, parallelism 1. */
    private void learn(DataStream<LabeledExample> examples, DataStream<ControlMessage> modelUpdates, Outputs outputs) {
        examples.keyBy(example -> OnlineLearner.KEY, Types.STRING)
                .connect(modelUpdates.keyBy(message -> OnlineLearner.KEY, Types.STRING))
                .process(new OnlineLearner(config.learnerSettings(), modelParser, initialModel))
                .uid("online-learner").name("online churn learner").setParallelism(1)
                .sinkTo(outputs.modelUpdates).uid("control-sink").name("model updates to control").setParallelism(1);
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
