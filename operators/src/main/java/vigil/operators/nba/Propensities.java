package vigil.operators.nba;

import vigil.operators.nba.catalog.Action;
import vigil.schemas.PropensityTable;
import vigil.schemas.ReactionCount;

import java.util.HashMap;
import java.util.Map;

/**
 * Propensity of an action: the posterior mean acceptance rate under a Beta prior, from the reactions
 * counted in the customer's segment ({@link #ALL} when the segment is not known yet):
 * (prior accepted + accepted) / (prior accepted + prior rejected + accepted + rejected).
 */
final class Propensities {
    /** The segment of the counts over all customers. */
    static final int ALL = -1;

    private final Map<String, long[]> counts = new HashMap<>();
    private final double[] defaultPrior;
    final long version;

    Propensities(PropensityTable table, double[] defaultPrior) {
        this.defaultPrior = defaultPrior;
        this.version = table == null ? -1 : table.getVersion();
        if (table != null) {
            for (ReactionCount c : table.getCounts()) {
                counts.put(key(c.getActionId(), c.getSegment()), new long[] {c.getAccepted(), c.getRejected()});
            }
        }
    }

    /** Propensity with the counts behind it. */
    record Estimate(double propensity, long accepted, long rejected, int segment) {}

    Estimate of(Action action, Integer segment) {
        int seg = segment == null ? ALL : segment;
        long[] c = counts.getOrDefault(key(action.id(), seg), new long[2]);
        double a = action.prior() != null ? action.prior().accepted() : defaultPrior[0];
        double r = action.prior() != null ? action.prior().rejected() : defaultPrior[1];
        return new Estimate((a + c[0]) / (a + r + c[0] + c[1]), c[0], c[1], seg);
    }

    static String key(String actionId, int segment) {
        return segment + "/" + actionId;
    }
}
