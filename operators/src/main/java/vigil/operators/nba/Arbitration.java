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
    private static final Comparator<Candidate> ORDER = Comparator
            .comparingDouble(Candidate::priority).reversed()
            .thenComparing(c -> c.action().id());

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
        List<Candidate> candidates = new ArrayList<>();
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
            candidates.add(candidate(action, facts, segment, propensities, verdict.channel()));
        }
        candidates.sort(ORDER);
        List<RecommendedAction> top = new ArrayList<>(Math.min(topN, candidates.size()));
        for (Candidate c : candidates.subList(0, Math.min(topN, candidates.size()))) {
            top.add(recommend(c, facts));
        }
        return new Decision(top, suppressed);
    }

    /** An offered action with its priority; the reason is written only for the top N. */
    private record Candidate(Action action, String channel, Propensities.Estimate propensity, double context,
                             List<Action.ContextWeight> matched, double priority) {}

    private static Candidate candidate(Action action, Facts facts, Integer segment, Propensities propensities,
                                       String channel) {
        Propensities.Estimate p = propensities.of(action, segment);
        double context = 1.0;
        List<Action.ContextWeight> matched = new ArrayList<>(2);
        for (Action.ContextWeight w : action.context()) {
            if (w.when().test(facts)) {
                context *= w.weight();
                matched.add(w);
            }
        }
        return new Candidate(action, channel, p, context, matched,
                p.propensity() * context * action.value() * action.lever());
    }

    private static RecommendedAction recommend(Candidate c, Facts facts) {
        Action action = c.action();
        Propensities.Estimate p = c.propensity();
        List<String> why = new ArrayList<>(c.matched().size());
        c.matched().forEach(w -> why.add(fill(w.reason(), facts)));
        String reason = (why.isEmpty() ? (action.description() == null ? action.name() : action.description())
                : String.join("; ", why))
                + String.format(Locale.ROOT, " | priority %.3g = propensity %.2f (%s: %d accepted, %d rejected)"
                        + " x context %.2f x value %s x lever %s", c.priority(), p.propensity(),
                p.segment() == Propensities.ALL ? "all segments" : "segment " + p.segment(), p.accepted(),
                p.rejected(), c.context(), plain(action.value()), plain(action.lever()));
        return RecommendedAction.newBuilder().setActionId(action.id()).setName(action.name()).setChannel(c.channel())
                .setPriority(c.priority()).setPropensity(p.propensity()).setContextWeight(c.context()).setReason(reason)
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
