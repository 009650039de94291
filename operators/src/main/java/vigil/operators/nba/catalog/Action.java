package vigil.operators.nba.catalog;

import java.io.Serializable;
import java.util.List;

/**
 * One action of the catalog. It is offered when it is valid at the time and its eligibility (may the
 * customer have it), applicability (does it fit what is going on) and suitability (is it right for
 * them now) all hold; its priority is propensity x context weight x value x lever.
 *
 * @param channels       where it can be delivered, in order of preference; empty for no contact (no-action)
 * @param validFrom      epoch ms, Long.MIN_VALUE for always
 * @param validTo        epoch ms (exclusive), Long.MAX_VALUE for always
 * @param context        weights applied when their condition holds, multiplied together
 * @param policy         contact-policy overrides of this action (null fields keep the defaults)
 */
public record Action(String id, String name, String description, List<String> channels, Condition eligibility,
                     Condition applicability, Condition suitability, double value, double lever, long validFrom,
                     long validTo, String acceptLabel, String rejectLabel, Prior prior, List<ContextWeight> context,
                     ActionPolicy policy) implements Serializable {

    public boolean validAt(long time) {
        return time >= validFrom && time < validTo;
    }

    public boolean offered(Facts facts) {
        return eligibility.test(facts) && applicability.test(facts) && suitability.test(facts);
    }

    /** Beta prior of the acceptance rate, as pseudo-counts; null takes the configured default. */
    public record Prior(double accepted, double rejected) implements Serializable {}

    /** A context weight with the readable reason it gives; {name} in the reason is replaced by the fact's value. */
    public record ContextWeight(Condition when, double weight, String reason) implements Serializable {}

    /** Null fields keep the configured defaults. */
    public record ActionPolicy(Integer maxImpressions, Integer maxRejections, Long windowMs, Long coolDownMs)
            implements Serializable {
        public static final ActionPolicy NONE = new ActionPolicy(null, null, null, null);
    }
}
