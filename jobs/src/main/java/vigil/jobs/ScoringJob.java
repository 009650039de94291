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
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import vigil.jobs.churn.ChurnModels;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.state.CheckpointRocksDbOptions;
import vigil.jobs.streams.Connectors;
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
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import vigil.operators.nba.CatalogUpdateSplit;
import vigil.operators.nba.NbaBroadcasts;
import vigil.operators.nba.NbaDescriptors;
import vigil.operators.nba.NbaSettings;
import vigil.operators.nba.NextBestActionFunction;
import vigil.operators.nba.PropensityLearner;
import vigil.operators.nba.segments.SegmentLearner;
import vigil.operators.nba.segments.SegmentPoints;
import vigil.operators.rules.CustomerRulesFunction;
import vigil.operators.rules.RuleDescriptors;
import vigil.operators.rules.RuleInputs;
import vigil.operators.rules.RuleSettings;
import vigil.operators.rules.RuleUpdateSplit;
import vigil.operators.spike.ComplaintSignals;
import vigil.schemas.Alert;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerEvent;
import vigil.schemas.LabeledExample;
import vigil.schemas.NbaBroadcast;
import vigil.schemas.PropensityTable;
import vigil.schemas.SegmentModel;
import vigil.schemas.RuleInput;
import vigil.schemas.ScoreUpdate;

import java.util.ArrayList;
import java.util.List;

/**
 * The scoring job: decode and validate every input, dead-letter what is wrong, analyze texts
 * (redaction, topics, entities, sentiment), keep per-customer state, score churn risk and publish
 * scores and enriched interactions; learn the churn model online from outcomes and publish the
 * models it promotes to cx.control, from where every subtask swaps them in by broadcast; raise spike
 * alerts per topic and per-customer alerts from runtime rules (broadcast from cx.control) to
 * cx.alerts; rank each customer's next-best actions (catalog broadcast from cx.control, segments and
 * propensities learned online) into the scores and write top-action changes to cx.actions. It only
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
        env.setBufferTimeout(config.networkBufferTimeout.toMillis());
        if (config.objectReuse) {
            env.getConfig().enableObjectReuse();
        }
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend(true);
        rocksDb.setRocksDBOptions(new CheckpointRocksDbOptions());
        env.setStateBackend(rocksDb);
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

    /** Reads every input topic and writes every output, each on its configured system (Kafka unless set to Pulsar). */
    public void wireKafka(StreamExecutionEnvironment env) {
        wire(Connectors.inputs(env, config), Outputs.kafka(config));
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

        SingleOutputStreamOperator<CustomerEvent> withoutModels = events
                .process(new ModelUpdateSplit()).uid("model-updates").name("model updates");
        DataStream<ControlMessage> modelUpdates = withoutModels.getSideOutput(ModelUpdateSplit.MODEL_UPDATES);
        // Rule messages always leave the customer stream, so customer state never sees them.
        SingleOutputStreamOperator<CustomerEvent> withoutRules = withoutModels
                .process(new RuleUpdateSplit()).uid("rule-updates").name("rule updates");
        DataStream<ControlMessage> ruleUpdates = withoutRules.getSideOutput(RuleUpdateSplit.RULE_UPDATES);
        SingleOutputStreamOperator<CustomerEvent> customerEvents = withoutRules
                .process(new CatalogUpdateSplit()).uid("catalog-updates").name("catalog updates");
        DataStream<ControlMessage> catalogUpdates = customerEvents.getSideOutput(CatalogUpdateSplit.CATALOG_UPDATES);

        SingleOutputStreamOperator<ScoreUpdate> scores = customerEvents.keyBy(CustomerEvent::getCustomerId)
                .process(new CustomerStateFunction(config.stateSettings(), config.featureSpec()))
                .uid("customer-state").name("customer state")
                .keyBy(ScoreUpdate::getCustomerId)
                .connect(modelUpdates.broadcast(ChurnStateDescriptors.MODELS))
                .process(new ChurnScoringFunction(config.churnSettings(), modelParser, initialModel))
                .uid("churn-scoring").name("churn scoring");
        DataStream<Alert> spikeAlerts = outputs.alerts != null && config.spikes.enabled ? spikeAlerts(events) : null;
        DataStream<ScoreUpdate> published = config.nba.enabled
                ? nextBestActions(scores, catalogUpdates, spikeAlerts, outputs) : scores;
        published.sinkTo(outputs.scores).uid("scores-sink").name("scores");

        if (config.churn.learner.enabled) {
            learn(scores.getSideOutput(ChurnStateDescriptors.LABELED_EXAMPLES), modelUpdates, outputs);
        }
        List<DataStream<Alert>> alerts = new ArrayList<>();
        if (spikeAlerts != null) {
            alerts.add(spikeAlerts);
        }
        if (outputs.alerts != null && config.rules.enabled) {
            alerts.add(customerRuleAlerts(customerEvents, scores, ruleUpdates, outputs));
        }
        if (!alerts.isEmpty()) {
            DataStream<Alert> all = alerts.get(0);
            for (DataStream<Alert> more : alerts.subList(1, alerts.size())) {
                all = all.union(more);
            }
            all.sinkTo(outputs.alerts).uid("alerts-sink").name("alerts");
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

    /**
     * Next-best-action per customer, after churn scoring: the segment learner and the propensity learner
     * (one instance each) learn from the scores; their models, the catalog messages and the open spike
     * alerts are broadcast to the keyed next-best-action operator, which adds the top actions and the
     * segment to each score, writes top-action changes to cx.actions and catalog outcomes to
     * cx.catalog-status.
     */
    private DataStream<ScoreUpdate> nextBestActions(DataStream<ScoreUpdate> scores, DataStream<ControlMessage> catalogUpdates,
                                                    DataStream<Alert> spikeAlerts, Outputs outputs) {
        NbaSettings settings = config.nbaSettings();
        AvroTypeInfo<NbaBroadcast> broadcastType = new AvroTypeInfo<>(NbaBroadcast.class);
        DataStream<SegmentModel> segmentModels = scores.flatMap(new SegmentPoints(settings.segments()))
                .returns(PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO).uid("segment-points").name("segment points")
                .keyBy(point -> SegmentLearner.KEY, Types.STRING)
                .process(new SegmentLearner(settings.segments()))
                .uid("segment-learner").name("segment learner (online k-means)").setParallelism(1);
        DataStream<PropensityTable> propensities = scores.filter(PropensityLearner::isReaction)
                .uid("action-reactions").name("action reactions")
                .keyBy(update -> PropensityLearner.KEY, Types.STRING)
                .connect(segmentModels.keyBy(model -> PropensityLearner.KEY, Types.STRING))
                .process(new PropensityLearner())
                .uid("propensity-learner").name("propensity learner").setParallelism(1);
        DataStream<NbaBroadcast> broadcasts = catalogUpdates.map(new NbaBroadcasts.Wrap<ControlMessage>())
                .returns(broadcastType).uid("nba-catalogs").name("catalogs to broadcast")
                .union(segmentModels.map(new NbaBroadcasts.Wrap<SegmentModel>()).returns(broadcastType)
                                .uid("nba-segments").name("segments to broadcast").setParallelism(1),
                        propensities.map(new NbaBroadcasts.Wrap<PropensityTable>()).returns(broadcastType)
                                .uid("nba-propensities").name("propensities to broadcast").setParallelism(1));
        if (spikeAlerts != null) {
            broadcasts = broadcasts.union(spikeAlerts.flatMap(new NbaBroadcasts.SpikeAlerts()).returns(broadcastType)
                    .uid("nba-alerts").name("live alerts to broadcast"));
        }
        SingleOutputStreamOperator<ScoreUpdate> withActions = scores.keyBy(ScoreUpdate::getCustomerId)
                .connect(broadcasts.broadcast(NbaDescriptors.CATALOGS, NbaDescriptors.SEGMENTS,
                        NbaDescriptors.PROPENSITIES, NbaDescriptors.LIVE_ALERTS))
                .process(new NextBestActionFunction(settings))
                .uid("next-best-action").name("next-best-action");
        if (outputs.actions != null) {
            withActions.getSideOutput(NbaDescriptors.ACTION_CHANGES)
                    .sinkTo(outputs.actions).uid("actions-sink").name("actions");
        }
        if (outputs.catalogStatus != null) {
            withActions.getSideOutput(NbaDescriptors.CATALOG_STATUS)
                    .sinkTo(outputs.catalogStatus).uid("catalog-status-sink").name("catalog status");
        }
        return withActions;
    }

    /** Negative interactions per problem topic, across sources, for cx.alerts. */
    private DataStream<Alert> spikeAlerts(DataStream<CustomerEvent> events) {
        return SpikeAlerts.detect(events.flatMap(new ComplaintSignals(config.spikeSignals()))
                .uid("complaint-signals").name("complaint signals"), config.spikeSettings());
    }

    /**
     * Runtime rules per customer, for cx.alerts: each customer's interactions (and erasures) and churn
     * risk readings, keyed by customer, against the rules broadcast from cx.control; the outcome of each
     * rule message to cx.rule-status.
     */
    private DataStream<Alert> customerRuleAlerts(DataStream<CustomerEvent> customerEvents, DataStream<ScoreUpdate> scores,
                                                 DataStream<ControlMessage> ruleUpdates, Outputs outputs) {
        RuleSettings settings = config.ruleSettings();
        DataStream<RuleInput> fromEvents = customerEvents.flatMap(new RuleInputs.FromEvents(settings))
                .uid("rule-inputs-events").name("rule inputs (events)");
        DataStream<RuleInput> fromScores = scores.flatMap(new RuleInputs.FromScores())
                .uid("rule-inputs-scores").name("rule inputs (churn risk)");
        SingleOutputStreamOperator<Alert> alerts = fromEvents.union(fromScores)
                .keyBy(RuleInput::getCustomerId)
                .connect(ruleUpdates.broadcast(RuleDescriptors.RULES))
                .process(new CustomerRulesFunction(settings))
                .uid("customer-rules").name("customer rules");
        if (outputs.ruleStatus != null) {
            alerts.getSideOutput(RuleDescriptors.RULE_STATUS)
                    .sinkTo(outputs.ruleStatus).uid("rule-status-sink").name("rule status");
        }
        return alerts;
    }

    private WatermarkStrategy<CustomerEvent> watermarks() {
        return WatermarkStrategy.<CustomerEvent>forBoundedOutOfOrderness(config.eventTime.outOfOrderness)
                .withTimestampAssigner((event, previous) -> event.getTimestamp())
                .withIdleness(config.eventTime.idleness);
    }
}
