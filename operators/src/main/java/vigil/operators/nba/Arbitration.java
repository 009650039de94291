package vigil.operators.nba;

import vigil.operators.nba.catalog.Action;
import vigil.operators.nba.catalog.Catalog;
import vigil.operators.nba.catalog.Facts;
import vigil.schemas.ActionContact;
import vigil.schemas.RecommendedAction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision funnel for one customer: actions valid now whose eligibility, applicability and
 * suitability hold and that the contact policy allows, ranked by priority = propensity x context
 * weight x value x lever (ties: the action id), the top N with a readable reason each. Deterministic:
 * the same inputs give the same list.
 */
final class Arbitration {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Comparator<RecommendedAction> ORDER = Comparator
            .comparingDouble(RecommendedAction::getPriority).reversed()
            .thenComparing(RecommendedAction::getActionId);

    private final ContactPolicy policy;
    private final int topN;

    Arbitration(ContactPolicy policy, int topN) {
        this.policy = policy;
        this.topN = topN;
    }

    /** What arbitration decided, and how many actions the contact policy held back. */
    record Decision(List<RecommendedAction> top, int suppressed) {}

    Decision decide(Catalog catalog, Facts facts, Integer segment, Propensities propensities,
                    List<ActionContact> history, long now) {
        List<RecommendedAction> candidates = new ArrayList<>();
        int suppressed = 0;
        for (Action action : catalog.actions()) {
            if (!action.validAt(now) || !action.offered(facts)) {
                continue;
            }
            ContactPolicy.Verdict verdict = policy.check(action, history, now);
            if (!verdict.allowed()) {
                suppressed++;
                continue;
            }
            candidates.add(rank(action, facts, segment, propensities, verdict.channel()));
        }
        candidates.sort(ORDER);
        return new Decision(List.copyOf(candidates.subList(0, Math.min(topN, candidates.size()))), suppressed);
    }

    private static RecommendedAction rank(Action action, Facts facts, Integer segment, Propensities propensities,
                                          String channel) {
        Propensities.Estimate p = propensities.of(action, segment);
        double context = 1.0;
        List<String> why = new ArrayList<>();
        for (Action.ContextWeight w : action.context()) {
            if (w.when().test(facts)) {
                context *= w.weight();
                why.add(fill(w.reason(), facts));
            }
        }
        double priority = p.propensity() * context * action.value() * action.lever();
        String reason = (why.isEmpty() ? (action.description() == null ? action.name() : action.description())
                : String.join("; ", why))
                + String.format(Locale.ROOT, " | priority %.3g = propensity %.2f (%s: %d accepted, %d rejected)"
                        + " x context %.2f x value %s x lever %s", priority, p.propensity(),
                p.segment() == Propensities.ALL ? "all segments" : "segment " + p.segment(), p.accepted(),
                p.rejected(), context, plain(action.value()), plain(action.lever()));
        return RecommendedAction.newBuilder().setActionId(action.id()).setName(action.name()).setChannel(channel)
                .setPriority(priority).setPropensity(p.propensity()).setContextWeight(context).setReason(reason)
                .setAcceptLabel(action.acceptLabel()).setRejectLabel(action.rejectLabel()).build();
    }

    /** Replaces {fact} by the fact's value: numbers with up to two decimals, sets joined by commas. */
    @SuppressWarnings("unchecked")
    static String fill(String template, Facts facts) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = facts.values().get(m.group(1));
            String text;
            if (v == null) {
                text = "?";
            } else if (v instanceof Double) {
                text = plain((Double) v);
            } else if (v instanceof Set) {
                text = String.join(", ", (Set<String>) v);
            } else {
                text = v.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
