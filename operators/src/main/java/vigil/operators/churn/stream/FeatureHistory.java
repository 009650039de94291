package vigil.operators.churn.stream;

import vigil.schemas.FeatureSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer's recent feature snapshots, oldest first, at most {@code size}. Snapshots are cumulative
 * (each holds every event up to its as-of time), so the one to label an outcome at time t is the
 * newest whose as-of time is at most t: a snapshot with a later as-of time holds an event after the
 * outcome, whatever order the events arrived in.
 */
final class FeatureHistory {
    private FeatureHistory() {}

    /** The history with {@code snapshot} added; one with the same as-of time is replaced (it knew less). */
    static List<FeatureSnapshot> add(Iterable<FeatureSnapshot> history, FeatureSnapshot snapshot, int size) {
        List<FeatureSnapshot> out = new ArrayList<>();
        if (history != null) {
            for (FeatureSnapshot s : history) {
                if (s.getFeaturesAsOf() != snapshot.getFeaturesAsOf()) {
                    out.add(s);
                }
            }
        }
        out.add(snapshot);
        out.sort(Comparator.comparingLong(FeatureSnapshot::getFeaturesAsOf));
        return out.size() <= size ? out : new ArrayList<>(out.subList(out.size() - size, out.size()));
    }

    /** The newest snapshot as of {@code time}, or null when every snapshot is later (or there is none). */
    static FeatureSnapshot asOf(Iterable<FeatureSnapshot> history, long time) {
        FeatureSnapshot best = null;
        if (history != null) {
            for (FeatureSnapshot s : history) {
                if (s.getFeaturesAsOf() <= time && (best == null || s.getFeaturesAsOf() >= best.getFeaturesAsOf())) {
                    best = s;
                }
            }
        }
        return best;
    }

    static long newest(List<FeatureSnapshot> history) {
        return history.get(history.size() - 1).getFeaturesAsOf();
    }
}
