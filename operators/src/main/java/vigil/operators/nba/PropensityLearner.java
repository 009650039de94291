package vigil.operators.nba;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import vigil.operators.nba.segments.Segments;
import vigil.schemas.PropensityTable;
import vigil.schemas.ReactionCount;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.SegmentModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the reactions to actions (ACTION_ACCEPTED, ACTION_REJECTED outcomes) per action and segment,
 * and over all customers, for the whole job: one instance (keyed by {@link #KEY}, parallelism 1), since
 * a segment's count gathers every customer of it, wherever they are keyed. The reacting customer's
 * segment is assigned with the latest segment model (second input). After each reaction the whole
 * table is emitted, to be broadcast to the next-best-action operator. Gauges
 * {@code action.<id>.acceptanceRate} (accepted / reacted, over all customers) and counters
 * {@code actionsAccepted}, {@code actionsRejected}.
 */
public class PropensityLearner extends KeyedCoProcessFunction<String, ScoreUpdate, SegmentModel, PropensityTable> {
    public static final String KEY = "propensities";
    static final String ACCEPTED = "ACTION_ACCEPTED";
    static final String REJECTED = "ACTION_REJECTED";

    private transient ValueState<PropensityTable> table;
    private transient ValueState<SegmentModel> model;
    private transient Segments segments;
    private transient Counter accepted;
    private transient Counter rejected;
    private transient Map<String, long[]> rates;
    private transient MetricGroup group;

    /** True for an update that carries a reaction to an action. */
    public static boolean isReaction(ScoreUpdate update) {
        return update.getScore() != null && update.getActionId() != null
                && (ACCEPTED.equals(update.getOutcome()) || REJECTED.equals(update.getOutcome()));
    }

    @Override
    public void open(Configuration parameters) {
        table = getRuntimeContext().getState(
                new ValueStateDescriptor<>("propensity-table", new AvroTypeInfo<>(PropensityTable.class)));
        model = getRuntimeContext().getState(
                new ValueStateDescriptor<>("propensity-segments", new AvroTypeInfo<>(SegmentModel.class)));
        group = getRuntimeContext().getMetricGroup();
        accepted = group.counter("actionsAccepted");
        rejected = group.counter("actionsRejected");
        rates = new HashMap<>();
    }

    @Override
    public void processElement1(ScoreUpdate update, Context ctx, Collector<PropensityTable> out) throws Exception {
        if (!isReaction(update)) {
            return;
        }
        boolean yes = ACCEPTED.equals(update.getOutcome());
        (yes ? accepted : rejected).inc();
        SegmentModel current = model.value();
        if (current != null && (segments == null || segments.version() != current.getVersion())) {
            segments = new Segments(current);
        }
        Integer segment = current == null ? null : segments.assign(update.getFeatures());
        PropensityTable old = table.value();
        Map<String, ReactionCount> counts = new HashMap<>();
        if (old != null) {
            for (ReactionCount c : old.getCounts()) {
                counts.put(Propensities.key(c.getActionId(), c.getSegment()), ReactionCount.newBuilder(c).build());
            }
        }
        count(counts, update.getActionId(), Propensities.ALL, yes);
        if (segment != null) {
            count(counts, update.getActionId(), segment, yes);
        }
        List<ReactionCount> list = new ArrayList<>(counts.values());
        list.sort((a, b) -> Propensities.key(a.getActionId(), a.getSegment())
                .compareTo(Propensities.key(b.getActionId(), b.getSegment())));
        PropensityTable next = PropensityTable.newBuilder().setVersion(old == null ? 1 : old.getVersion() + 1)
                .setCounts(list).build();
        table.update(next);
        ReactionCount all = counts.get(Propensities.key(update.getActionId(), Propensities.ALL));
        rate(update.getActionId(), all.getAccepted(), all.getRejected());
        out.collect(next);
    }

    @Override
    public void processElement2(SegmentModel segmentModel, Context ctx, Collector<PropensityTable> out) throws Exception {
        SegmentModel current = model.value();
        if (current == null || segmentModel.getVersion() > current.getVersion()) {
            model.update(segmentModel);
        }
    }

    private static void count(Map<String, ReactionCount> counts, String actionId, int segment, boolean yes) {
        ReactionCount c = counts.computeIfAbsent(Propensities.key(actionId, segment), k ->
                ReactionCount.newBuilder().setActionId(actionId).setSegment(segment).setAccepted(0).setRejected(0).build());
        if (yes) {
            c.setAccepted(c.getAccepted() + 1);
        } else {
            c.setRejected(c.getRejected() + 1);
        }
    }

    /** Keeps the acceptance-rate gauge of the action current; registered once per action id. */
    private void rate(String actionId, long yes, long no) {
        long[] value = rates.computeIfAbsent(actionId, id -> {
            long[] holder = new long[2];
            group.addGroup("action", id).gauge("acceptanceRate",
                    (Gauge<Double>) () -> holder[0] + holder[1] == 0 ? Double.NaN
                            : holder[0] / (double) (holder[0] + holder[1]));
            return holder;
        });
        value[0] = yes;
        value[1] = no;
    }

    /** For tests: the acceptance rate the gauge of the action shows, NaN when it has none. */
    double acceptanceRate(String actionId) {
        long[] v = rates.get(actionId);
        return v == null || v[0] + v[1] == 0 ? Double.NaN : v[0] / (double) (v[0] + v[1]);
    }
}
