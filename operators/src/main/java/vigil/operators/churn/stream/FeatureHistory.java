package vigil.operators.churn.stream;

import vigil.schemas.FeatureValues;

import java.util.ArrayList;
import java.util.List;

/**
 * A customer's recent feature snapshots, oldest first, at most {@code size}. Snapshots are cumulative
 * (each holds every event up to its as-of time), so the one to label an outcome at time t is the
 * newest whose as-of time is at most t: a snapshot with a later as-of time holds an event after the
 * outcome, whatever order the events arrived in. Lists read from state are never changed in place.
 */
final class FeatureHistory {
    private FeatureHistory() {}

    /** A new list: {@code history} with {@code snapshot} added; one with the same as-of time is replaced (it knew less). */
    static List<FeatureValues> add(List<FeatureValues> history, FeatureValues snapshot, int size) {
        List<FeatureValues> out = new ArrayList<>(Math.min(size, history.size() + 1));
        int at = history.size();
        while (at > 0 && history.get(at - 1).getAsOf() > snapshot.getAsOf()) {
            at--;
        }
        for (int i = 0; i < history.size(); i++) {
            FeatureValues s = history.get(i);
            if (i == at) {
                out.add(snapshot);
            }
            if (s.getAsOf() != snapshot.getAsOf()) {
                out.add(s);
            }
        }
        if (at == history.size()) {
            out.add(snapshot);
        }
        return out.size() <= size ? out : new ArrayList<>(out.subList(out.size() - size, out.size()));
    }

    /** The newest snapshot as of {@code time}, or null when every snapshot is later (or there is none). */
    static FeatureValues asOf(List<FeatureValues> history, long time) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).getAsOf() <= time) {
                return history.get(i);
            }
        }
        return null;
    }

    static long newest(List<FeatureValues> history) {
        return history.get(history.size() - 1).getAsOf();
    }
}
