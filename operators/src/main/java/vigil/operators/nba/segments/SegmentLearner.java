package vigil.operators.nba.segments;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.operators.nba.NbaSettings;
import vigil.schemas.SegmentLearnerState;
import vigil.schemas.SegmentModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Learns the behaviour segments online (one instance for the job: keyed by {@link #KEY}, parallelism
 * 1): every customer score update contributes its behaviour vector ({@link SegmentPoints}); each full mini-batch of
 * {@code batchSize} vectors updates the k-means model ({@link OnlineKMeans}), which is emitted, to be
 * broadcast to the next-best-action operator and the propensity learner. The batch being filled, the
 * standardization sums and the model are checkpointed state.
 */
public class SegmentLearner extends KeyedProcessFunction<String, double[], SegmentModel> {
    public static final String KEY = "segments";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLearner.class);

    private final NbaSettings.SegmentSettings settings;

    private transient ValueState<SegmentLearnerState> learner;
    private transient ListState<double[]> batch;
    private transient ValueState<Integer> batchSize;
    private transient OnlineKMeans kMeans;
    private transient Counter models;

    public SegmentLearner(NbaSettings.SegmentSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) {
        learner = getRuntimeContext().getState(
                new ValueStateDescriptor<>("segment-learner", new AvroTypeInfo<>(SegmentLearnerState.class)));
        batch = getRuntimeContext().getListState(
                new ListStateDescriptor<>("segment-batch", PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        batchSize = getRuntimeContext().getState(new ValueStateDescriptor<>("segment-batch-size", Types.INT));
        kMeans = new OnlineKMeans(settings.k(), settings.decay(), settings.features(), settings.seed());
        models = getRuntimeContext().getMetricGroup().counter("segmentModels");
    }

    @Override
    public void processElement(double[] point, Context ctx, Collector<SegmentModel> out) throws Exception {
        batch.add(point);
        int size = batchSize.value() == null ? 1 : batchSize.value() + 1;
        if (size < settings.batchSize()) {
            batchSize.update(size);
            return;
        }
        List<double[]> points = new ArrayList<>();
        batch.get().forEach(points::add);
        batch.clear();
        batchSize.clear();
        SegmentLearnerState state = learner.value();
        if (state == null) {
            state = SegmentLearnerState.newBuilder().setModel(null).setCount(0).setSums(new ArrayList<>())
                    .setSquares(new ArrayList<>()).build();
        }
        SegmentModel model = kMeans.learn(state, points);
        learner.update(state);
        if (model != null) {
            models.inc();
            LOG.debug("Segment model version {} after {} points, weights {}", model.getVersion(), model.getPoints(),
                    model.getWeights());
            out.collect(model);
        }
    }
}
