package vigil.operators.churn.stream;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import vigil.schemas.FeatureSnapshot;
import vigil.schemas.LabeledExample;
import vigil.schemas.ScoreUpdate;

import java.util.HashMap;
import java.util.List;

/**
 * The point-in-time label join: keeps a customer's recent feature snapshots and, when an update
 * carries a CHURNED or RETAINED outcome at time t, pairs the label with the newest snapshot as of t
 * taken before the outcome was folded in. The history is dropped by an event-time timer
 * {@code historyRetention} after the customer's newest snapshot, and by erasure.
 */
final class LabelJoin {
    static final String CHURNED = "CHURNED";
    static final String RETAINED = "RETAINED";

    private final ChurnSettings settings;
    private final ListState<FeatureSnapshot> history;
    private final ValueState<Long> expiry;

    LabelJoin(ChurnSettings settings, RuntimeContext context) {
        this.settings = settings;
        this.history = context.getListState(ChurnStateDescriptors.history());
        this.expiry = context.getState(ChurnStateDescriptors.historyExpiry());
    }

    /**
     * @param outcome whether the update carried a CHURNED or RETAINED outcome
     * @param example the outcome joined with earlier features; null without an outcome or earlier features
     */
    record Result(boolean outcome, LabeledExample example) {}

    /** Joins the update's outcome, if any, then records the update's features. */
    Result onUpdate(ScoreUpdate update, TimerService timers) throws Exception {
        LabeledExample example = null;
        String outcome = update.getOutcome();
        boolean labeled = CHURNED.equals(outcome) || RETAINED.equals(outcome);
        if (labeled) {
            // the update's own features include the outcome: look only at what came before it
            FeatureSnapshot before = FeatureHistory.asOf(history.get(), update.getEventTime());
            if (before != null) {
                example = LabeledExample.newBuilder().setCustomerId(update.getCustomerId())
                        .setFeatures(new HashMap<>(before.getFeatures())).setFeaturesAsOf(before.getFeaturesAsOf())
                        .setLabel(CHURNED.equals(outcome) ? 1 : 0).setOutcome(outcome)
                        .setEventTime(update.getEventTime()).build();
            }
        }
        if (update.getFeaturesAsOf() > 0) {
            FeatureSnapshot snapshot = FeatureSnapshot.newBuilder().setFeaturesAsOf(update.getFeaturesAsOf())
                    .setFeatures(new HashMap<>(update.getFeatures())).build();
            List<FeatureSnapshot> updated = FeatureHistory.add(history.get(), snapshot, settings.historySize());
            history.update(updated);
            rearm(FeatureHistory.newest(updated) + settings.historyRetentionMs(), timers);
        }
        return new Result(labeled, example);
    }

    void onTimer(long timestamp) throws Exception {
        Long at = expiry.value();
        if (at != null && at == timestamp) {
            history.clear();
            expiry.clear();
        }
    }

    void clear(TimerService timers) throws Exception {
        Long at = expiry.value();
        if (at != null) {
            timers.deleteEventTimeTimer(at);
        }
        history.clear();
        expiry.clear();
    }

    private void rearm(long at, TimerService timers) throws Exception {
        Long previous = expiry.value();
        if (previous != null && previous == at) {
            return;
        }
        if (previous != null) {
            timers.deleteEventTimeTimer(previous);
        }
        timers.registerEventTimeTimer(at);
        expiry.update(at);
    }
}
