package vigil.operators.churn.learn;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.operators.churn.ModelParser;
import vigil.operators.churn.ModelUpdates;
import vigil.operators.churn.OnlineLinearModel;
import vigil.schemas.ControlMessage;
import vigil.schemas.Evaluation;
import vigil.schemas.LabeledExample;
import vigil.schemas.LearnerState;

/**
 * Keeps the churn model current from labeled examples, in one global instance (keyed by
 * {@link #KEY}): FTRL-Proximal updates the model's logistic-regression coefficients; every K examples
 * the weights become a candidate, which {@link PrequentialGate} promotes or rejects. A promoted model
 * goes out as a MODEL_UPDATE control message for cx.control. Models published by someone else (on
 * the second input) replace the learner's base; its own, coming back from cx.control, are ignored.
 */
public class OnlineLearner extends KeyedCoProcessFunction<String, LabeledExample, ControlMessage, ControlMessage> {
    /** The one key both inputs are keyed by. */
    public static final String KEY = "churn";
    private static final Logger LOG = LoggerFactory.getLogger(OnlineLearner.class);

    private final LearnerSettings settings;
    private final ModelParser parser;
    private final String initialModelJson;

    private transient ValueState<String> modelJson;
    private transient ValueState<LearnerState> learner;
    private transient LearnerModel model;
    private transient Ftrl ftrl;
    private transient PrequentialGate gate;
    private transient LearnerMetrics metrics;

    /** @param initialModelJson the model to start from until one is published; null for none */
    public OnlineLearner(LearnerSettings settings, ModelParser parser, String initialModelJson) {
        this.settings = settings;
        this.parser = parser;
        this.initialModelJson = initialModelJson;
    }

    @Override
    public void open(Configuration parameters) {
        modelJson = getRuntimeContext().getState(new ValueStateDescriptor<>("learner-model", Types.STRING));
        learner = getRuntimeContext().getState(
                new ValueStateDescriptor<>("learner-state", new AvroTypeInfo<>(LearnerState.class)));
        model = new LearnerModel(parser);
        ftrl = new Ftrl(settings);
        gate = new PrequentialGate(settings);
        metrics = new LearnerMetrics(getRuntimeContext().getMetricGroup(), model, gate);
    }

    @Override
    public void processElement1(LabeledExample example, Context ctx, Collector<ControlMessage> out) throws Exception {
        LearnerState state = learner.value();
        if (state == null && modelJson.value() == null && initialModelJson != null) {
            state = adopt(initialModelJson);
        }
        if (state == null) {
            metrics.withoutModel.inc();
            return;
        }
        OnlineLinearModel current = model.of(modelJson.value());
        LearnerStep step = new LearnerStep(state);
        double[] x = current.vectorize(example.getFeatures());
        if (x.length != step.z.length) {
            LOG.warn("Skipped a labeled example: {} features against {} coefficients", x.length, step.z.length);
            return;
        }
        if (step.candidate != null) {
            judge(step, current, x, example.getLabel() == 1, ctx, out);
        }
        ftrl.update(x, example.getLabel(), step.z, step.n);
        step.learned++;
        metrics.learned.inc();
        if (step.candidate == null && step.learned % settings.candidateEvery() == 0) {
            step.candidate = ftrl.weights(step.z, step.n);
        }
        learner.update(step.toState());
    }

    @Override
    public void processElement2(ControlMessage message, Context ctx, Collector<ControlMessage> out) throws Exception {
        if (!ModelUpdates.isModelUpdate(message) || ModelUpdates.fromLearner(message)) {
            return;
        }
        try {
            adopt(message.getPayload());
            metrics.adopted.inc();
            LOG.info("Online learner now learns from model {} version {} (message {} from {})",
                    model.current().id(), model.version(), message.getId(), message.getIssuedBy());
        } catch (RuntimeException e) {
            metrics.unparsable.inc();
            LOG.warn("Online learner rejected model update {} from {}: the payload does not parse ({})",
                    message.getId(), message.getIssuedBy(), e.toString());
        }
    }

    private void judge(LearnerStep step, OnlineLinearModel current, double[] x, boolean churned, Context ctx,
                       Collector<ControlMessage> out) throws Exception {
        gate.record(step.evaluations, new Evaluation(churned, Logistic.probability(model.coefficients(), x),
                Logistic.probability(step.candidate, x)));
        PrequentialGate.Decision decision = gate.decide(step.evaluations);
        if (decision == PrequentialGate.Decision.UNDECIDED) {
            return;
        }
        if (decision == PrequentialGate.Decision.ACCEPT) {
            OnlineLinearModel promoted = current.withCoefficients(step.candidate, step.nextVersion);
            String json = promoted.toJson();
            modelJson.update(json);
            model.of(json);
            step.version = promoted.version();
            step.nextVersion = promoted.version() + 1;
            metrics.accepted.inc();
            LOG.info("Promoted churn model {} version {}: rolling AUC {} against {} for version {} over {} examples",
                    promoted.id(), promoted.version(), gate.candidateAuc(), gate.currentAuc(), current.version(),
                    step.evaluations.size());
            out.collect(ModelUpdates.fromLearner(promoted, ctx.timerService().currentProcessingTime()));
        } else {
            metrics.rejected.inc();
            LOG.info("Rejected churn model candidate: rolling AUC {} against {} for version {} over {} examples "
                    + "(margin {})", gate.candidateAuc(), gate.currentAuc(), current.version(),
                    step.evaluations.size(), settings.margin());
        }
        step.candidate = null;
        step.evaluations.clear();
    }

    /** For tests: the learner's metrics. */
    LearnerMetrics metrics() {
        return metrics;
    }

    /** Makes {@code json} the model learned from, from its coefficients on; throws when it does not parse. */
    private LearnerState adopt(String json) throws Exception {
        OnlineLinearModel parsed = model.of(json);
        double[] coefficients = parsed.coefficients();
        LearnerStep step = LearnerStep.fresh(coefficients.length, parsed.version());
        ftrl.warmStart(coefficients, step.z, step.n);
        LearnerState state = step.toState();
        modelJson.update(json);
        learner.update(state);
        return state;
    }
}
