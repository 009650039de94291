package vigil.operators.customer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponentially decaying counts over named windows, shared by every counter of the customer state.
 * A count with window W weighs an occurrence of age a by exp(-a / W): for a steady rate it equals
 * the occurrences in the last W, and recent ones weigh more. Counts are kept as of the customer's
 * latest event time, so a late occurrence is added with its age's weight and the result does not
 * depend on arrival order.
 */
public final class DecayingCounts {
    private final Map<String, Long> windowsMs;

    /** @param windowsMs label (such as "7d") to window length in milliseconds */
    public DecayingCounts(Map<String, Long> windowsMs) {
        this.windowsMs = new LinkedHashMap<>(windowsMs);
    }

    /** Moves counts {@code elapsedMs} forward in time. */
    public void decay(Map<String, Double> counts, long elapsedMs) {
        windowsMs.forEach((label, window) ->
                counts.computeIfPresent(label, (k, v) -> v * Math.exp(-(double) elapsedMs / window)));
    }

    /** Adds one occurrence that happened {@code ageMs} before the counts' time. */
    public void add(Map<String, Double> counts, double ageMs) {
        merge(counts, ageMs, 1);
    }

    /** Takes back an occurrence added with {@link #add} at that age. */
    public void subtract(Map<String, Double> counts, double ageMs) {
        merge(counts, ageMs, -1);
    }

    private void merge(Map<String, Double> counts, double ageMs, int sign) {
        double age = Math.max(0, ageMs);
        windowsMs.forEach((label, window) -> counts.merge(label, sign * Math.exp(-age / window), Double::sum));
    }
}
