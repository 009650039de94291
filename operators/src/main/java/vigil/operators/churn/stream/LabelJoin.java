package vigil.operators.churn.stream;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import vigil.schemas.FeatureSnapshot;
import vigil.schemas.FeatureValues;
import vigil.schemas.LabelHistory;
import vigil.schemas.LabeledExample;
import vigil.schemas.ScoreUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The point-in-time label join: keeps a customer's recent feature snapshots and, when an update
 * carries a CHURNED or RETAINED outcome at time t, pairs the label with the newest snapshot as of t
 * taken before the outcome was folded in. Snapshots are value arrays in a {@link FeatureLayout};
 * a history written under another layout (a changed feature spec) is dropped and counted. A history
 * in the list state of earlier versions is converted on the customer's next update. The history is
 * dropped by an event-time timer {@code historyRetention} after the customer's newest snapshot, and
 * by erasure; the timer's time is rounded up to a thirtieth of the retention (a day for 30 days), so
 * most updates leave the timer alone.
 */
final class LabelJoin {
    static final String CHURNED = "CHURNED";
    static final String RETAINED = "RETAINED";

    private final ChurnSettings settings;
    private final ValueState<LabelHistory> history;
    private final ListState<FeatureSnapshot> legacy;
    private final ValueState<Long> expiry;
    /** Histories dropped because they were written under another feature layout. */
    private final Counter dropped;
    /** Histories converted from the list state of earlier versions. */
    private final Counter converted;
    private FeatureLayout layout;

    LabelJoin(ChurnSettings settings, RuntimeContext context) {
        this.settings = settings;
        this.history = context.getState(ChurnStateDescriptors.labelHistory());
        this.legacy = context.getListState(ChurnStateDescriptors.legacyHistory());
        this.expiry = context.getState(ChurnStateDescriptors.historyExpiry());
        this.dropped = context.getMetricGroup().counter("labelHistoriesDropped");
        this.converted = context.getMetricGroup().counter("labelHistoriesConverted");
    }

    /**
     * @param outcome whether the update carried a CHURNED or RETAINED outcome
     * @param example the outcome joined with earlier features; null without an outcome or earlier features
     */
    record Result(boolean outcome, LabeledExample example) {}

    /** Joins the update's outcome, if any, then records the update's features. */
    Result onUpdate(ScoreUpdate update, TimerService timers) throws Exception {
        FeatureLayout current = layoutOf(update.getFeatures());
        List<FeatureValues> snapshots = stored(current);
        LabeledExample example = null;
        String outcome = update.getOutcome();
        boolean labeled = CHURNED.equals(outcome) || RETAINED.equals(outcome);
        if (labeled) {
            // the update's own features include the outcome: look only at what came before it
            FeatureValues before = FeatureHistory.asOf(snapshots, update.getEventTime());
            if (before != null) {
                example = LabeledExample.newBuilder().setCustomerId(update.getCustomerId())
                        .setFeatures(current.decode(before.getValues())).setFeaturesAsOf(before.getAsOf())
                        .setLabel(CHURNED.equals(outcome) ? 1 : 0).setOutcome(outcome)
                        .setEventTime(update.getEventTime()).build();
            }
        }
        if (update.getFeaturesAsOf() > 0) {
            FeatureValues snapshot = new FeatureValues(update.getFeaturesAsOf(), current.encode(update.getFeatures()));
            List<FeatureValues> updated = FeatureHistory.add(snapshots, snapshot, settings.historySize());
            history.update(new LabelHistory(current.fingerprint(), updated));
            rearm(FeatureHistory.newest(updated), timers);
        }
        return new Result(labeled, example);
    }

    void onTimer(long timestamp) throws Exception {
        Long at = expiry.value();
        if (at != null && at == timestamp) {
            history.clear();
            legacy.clear();
            expiry.clear();
        }
    }

    void clear(TimerService timers) throws Exception {
        Long at = expiry.value();
        if (at != null) {
            timers.deleteEventTimeTimer(at);
        }
        history.clear();
        legacy.clear();
        expiry.clear();
    }

    /**
     * The expiry is {@code historyRetention} after the newest snapshot rounded up to a multiple of
     * {@link #granularity}, so only the first update in each such step moves the timer.
     */
    private void rearm(long newest, TimerService timers) throws Exception {
        long step = granularity(settings.historyRetentionMs());
        long due = newest + settings.historyRetentionMs();
        long at = Math.floorDiv(due + step - 1, step) * step;
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

    /** A thirtieth of the retention (a day for 30 days): the history lives at most that much longer. */
    static long granularity(long retentionMs) {
        return Math.max(1, retentionMs / 30);
    }

    /** The customer's snapshots in {@code current}'s layout (a list not to be changed), converting or dropping older ones. */
    private List<FeatureValues> stored(FeatureLayout current) throws Exception {
        LabelHistory stored = history.value();
        if (stored == null) {
            return fromLegacy(current);
        }
        if (stored.getSpecFingerprint() != current.fingerprint()) {
            dropped.inc();
            history.clear();
            return List.of();
        }
        return stored.getSnapshots();
    }

    private List<FeatureValues> fromLegacy(FeatureLayout current) throws Exception {
        Iterable<FeatureSnapshot> old = legacy.get();
        if (old == null || !old.iterator().hasNext()) {
            return List.of();
        }
        legacy.clear();
        List<FeatureValues> out = new ArrayList<>();
        for (FeatureSnapshot s : old) {
            if (!current.fits(s.getFeatures())) {   // old snapshots name their features: convertible when the names match
                dropped.inc();
                return List.of();
            }
            out = FeatureHistory.add(out, new FeatureValues(s.getFeaturesAsOf(), current.encode(s.getFeatures())),
                    settings.historySize());
        }
        converted.inc();
        return out;
    }

    /** For tests: histories dropped for another layout, and converted from the earlier list state. */
    long dropped() {
        return dropped.getCount();
    }

    long converted() {
        return converted.getCount();
    }

    private FeatureLayout layoutOf(Map<String, Object> features) {
        if (layout == null || !layout.fits(features)) {
            layout = FeatureLayout.of(features, settings.featureSpecFingerprint());
        }
        return layout;
    }
}
