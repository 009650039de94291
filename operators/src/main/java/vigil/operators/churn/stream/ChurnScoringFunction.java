package vigil.operators.churn.stream;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.operators.churn.ChurnPrediction;
import vigil.operators.churn.ModelParser;
import vigil.operators.churn.ModelUpdates;
import vigil.operators.churn.OnlineLinearModel;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerScore;
import vigil.schemas.PublishedChurn;
import vigil.schemas.ScoreUpdate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every customer update with the current churn model: risk, band and the top reason codes go
 * into the customer's score, under the publish rule of {@link PublishRule}. Models arrive as
 * MODEL_UPDATE control messages on the broadcast side and are swapped in on every subtask; one that
 * does not parse is rejected and the old model stays. Outcomes are joined with the customer's earlier
 * features ({@link LabelJoin}) and emitted on {@link ChurnStateDescriptors#LABELED_EXAMPLES}.
 * A tombstone clears the customer's state and passes through; without any model updates pass unchanged.
 */
public class ChurnScoringFunction extends KeyedBroadcastProcessFunction<String, ScoreUpdate, ControlMessage, ScoreUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(ChurnScoringFunction.class);

    private final ChurnSettings settings;
    private final ModelParser parser;
    private final String initialModelJson;

    private transient ValueState<PublishedChurn> published;
    private transient LabelJoin labels;
    private transient CurrentModel model;
    private transient PublishRule rule;
    private transient ChurnMetrics metrics;

    /** @param initialModelJson the model to score with until one is broadcast; null for none */
    public ChurnScoringFunction(ChurnSettings settings, ModelParser parser, String initialModelJson) {
        this.settings = settings;
        this.parser = parser;
        this.initialModelJson = initialModelJson;
    }

    @Override
    public void open(Configuration parameters) {
        published = getRuntimeContext().getState(ChurnStateDescriptors.published(settings));
        labels = new LabelJoin(settings, getRuntimeContext());
        model = new CurrentModel(parser, initialModelJson);
        rule = new PublishRule(settings.minDelta());
        metrics = new ChurnMetrics(getRuntimeContext().getMetricGroup(), () -> {
            OnlineLinearModel m = model.lastSeen();
            return m == null ? -1L : m.version();
        });
    }

    @Override
    public void processElement(ScoreUpdate update, ReadOnlyContext ctx, Collector<ScoreUpdate> out) throws Exception {
        if (update.getScore() == null) {
            published.clear();
            labels.clear(ctx.timerService());
            out.collect(update);
            return;
        }
        joinLabel(update, ctx);
        OnlineLinearModel current = model.of(ctx.getBroadcastState(ChurnStateDescriptors.MODELS)
                .get(ChurnStateDescriptors.CHURN_MODEL));
        long now = ctx.timerService().currentProcessingTime();
        if (current == null) {
            metrics.scores.emitted(update.getEventTime(), now, null);
            out.collect(update);
            return;
        }
        PublishedChurn next = score(current, update.getFeatures());
        metrics.scores.risk(next.getRisk());
        PublishedChurn last = published.value();
        if (rule.publish(last, next)) {
            published.update(next);
            metrics.published.inc();
            last = next;
        }
        metrics.scores.emitted(update.getEventTime(), now, last.getBand());
        out.collect(withChurn(update, last));
    }

    @Override
    public void processBroadcastElement(ControlMessage message, Context ctx, Collector<ScoreUpdate> out)
            throws Exception {
        if (!ModelUpdates.isModelUpdate(message)) {
            return;
        }
        OnlineLinearModel accepted;
        try {
            accepted = model.accept(message.getPayload());
        } catch (RuntimeException e) {
            metrics.rejected.inc();
            LOG.warn("Rejected churn model update {} from {}: the payload does not parse ({}); the current model stays",
                    message.getId(), message.getIssuedBy(), e.toString());
            return;
        }
        BroadcastState<String, String> models = ctx.getBroadcastState(ChurnStateDescriptors.MODELS);
        models.put(ChurnStateDescriptors.CHURN_MODEL, message.getPayload());
        metrics.swaps.inc();
        LOG.info("Swapped in churn model {} version {} from {} (message {})", accepted.id(), accepted.version(),
                message.getIssuedBy(), message.getId());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoreUpdate> out) throws Exception {
        labels.onTimer(timestamp);
    }

    private void joinLabel(ScoreUpdate update, ReadOnlyContext ctx) throws Exception {
        LabelJoin.Result result = labels.onUpdate(update, ctx.timerService());
        if (result.example() != null) {
            metrics.labeled.inc();
            ctx.output(ChurnStateDescriptors.LABELED_EXAMPLES, result.example());
        } else if (result.outcome()) {
            metrics.unlabeled.inc();
        }
    }

    /** For tests: this subtask's metrics. */
    ChurnMetrics metrics() {
        return metrics;
    }

    private PublishedChurn score(OnlineLinearModel current, Map<String, Object> features) {
        ChurnPrediction prediction = current.predict(features);
        metrics.scored.inc();
        List<String> reasons = new ArrayList<>();
        for (ChurnPrediction.Reason reason : prediction.reasons()) {
            if (reasons.size() == settings.maxReasons()) {
                break;
            }
            reasons.add(reason.code());
        }
        return PublishedChurn.newBuilder().setRisk(prediction.risk())
                .setBand(settings.bands().band(prediction.risk())).setReasons(reasons)
                .setModelId(current.id()).setModelVersion(current.version()).build();
    }

    /**
     * The update with the churn fields set, in place: the update came over the network (a keyed input is
     * never chained), so it is this operator's own; a deep copy of it and its features cost 12 % of the operator.
     */
    private static ScoreUpdate withChurn(ScoreUpdate update, PublishedChurn churn) {
        CustomerScore score = update.getScore();
        score.setChurnRisk(churn.getRisk());
        score.setChurnBand(churn.getBand());
        score.setReasons(new ArrayList<>(churn.getReasons()));
        Map<String, String> versions = new HashMap<>(score.getModelVersions());
        versions.put(ChurnStateDescriptors.CHURN_MODEL, churn.getModelId());
        score.setModelVersions(versions);
        return update;
    }
}
