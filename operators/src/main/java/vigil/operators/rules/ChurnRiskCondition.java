package vigil.operators.rules;

import vigil.schemas.ValueTier;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The customer's published churn risk crosses a threshold upwards (from at or below to above; a first
 * reading above counts), optionally only for one value tier. Staying above does not fire again.
 */
final class ChurnRiskCondition implements Condition {
    static final String TYPE = "churnRiskAbove";
    private static final Set<String> FIELDS = Set.of("type", "threshold", "valueTier");

    private final double threshold;
    /** Null: any tier, including customers without one. */
    private final ValueTier tier;

    private ChurnRiskCondition(double threshold, ValueTier tier) {
        this.threshold = threshold;
        this.tier = tier;
    }

    static ChurnRiskCondition from(RuleFields when) throws InvalidRuleException {
        when.allowOnly(FIELDS);
        double threshold = when.number("threshold", 0, 1);
        if (threshold >= 1) {
            throw new InvalidRuleException("a churn risk threshold of 1 can never be crossed");
        }
        return new ChurnRiskCondition(threshold, when.has("valueTier") ? when.choice("valueTier", ValueTier.class) : null);
    }

    @Override
    public Set<MemoryNeed> needs() {
        return EnumSet.of(MemoryNeed.RISK);
    }

    @Override
    public boolean appliesTo(RuleContext c) {
        return c.isRiskReading() && (tier == null || tier == c.input.getValueTier());
    }

    @Override
    public Match evaluate(String ruleId, RuleContext c) {
        Double previous = c.state.getLastRisk();
        double risk = c.input.getChurnRisk();
        if (risk <= threshold || (previous != null && previous > threshold)) {
            return null;
        }
        String from = previous == null ? "its first reading" : String.format(Locale.ROOT, "%.2f", previous);
        String who = tier == null ? "" : " for a " + tier + "-tier customer";
        return new Match(String.format(Locale.ROOT, "churn risk rose to %.2f from %s, above %.2f%s",
                risk, from, threshold, who),
                List.of(String.format(Locale.ROOT, "score at %s: churn risk %.2f (was %s)",
                        Instant.ofEpochMilli(c.time()), risk, from)),
                List.of());
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s %.2f%s", TYPE, threshold, tier == null ? "" : " (" + tier + ")");
    }
}
