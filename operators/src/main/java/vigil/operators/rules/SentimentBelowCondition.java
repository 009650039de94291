package vigil.operators.rules;

import vigil.schemas.Channel;
import vigil.schemas.RuleEvidence;
import vigil.schemas.SentimentRun;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The customer's sentiment stays below a threshold on a live call or chat: for N consecutive customer
 * turns, or for N seconds (from the first turn below to a later one still below). A turn at or above
 * the threshold ends the run; a run fires once.
 */
final class SentimentBelowCondition implements Condition {
    static final String TYPE = "sentimentBelow";
    private static final Set<String> FIELDS = Set.of("type", "threshold", "forTurns", "forSeconds", "channels");
    private static final int EVIDENCE_TURNS = 3;

    private final double threshold;
    /** Exactly one of these is set. */
    private final Integer forTurns;
    private final Long forMs;
    private final Set<Channel> channels;

    private SentimentBelowCondition(double threshold, Integer forTurns, Long forMs, Set<Channel> channels) {
        this.threshold = threshold;
        this.forTurns = forTurns;
        this.forMs = forMs;
        this.channels = channels;
    }

    static SentimentBelowCondition from(RuleFields when) throws InvalidRuleException {
        when.allowOnly(FIELDS);
        double threshold = when.number("threshold", -1, 1);
        if (when.has("forTurns") == when.has("forSeconds")) {
            throw new InvalidRuleException("sentimentBelow needs exactly one of 'forTurns' or 'forSeconds'");
        }
        Integer turns = when.has("forTurns") ? when.integer("forTurns", 1, 100) : null;
        Long ms = when.has("forSeconds") ? when.integer("forSeconds", 1, 86_400) * 1000L : null;
        Set<Channel> channels = ConditionFields.channels(when, EnumSet.of(Channel.CALL, Channel.CHAT),
                EnumSet.of(Channel.CALL, Channel.CHAT));
        return new SentimentBelowCondition(threshold, turns, ms, channels);
    }

    @Override
    public Set<MemoryNeed> needs() {
        return EnumSet.of(MemoryNeed.CONVERSATIONS);
    }

    @Override
    public boolean appliesTo(RuleContext c) {
        return c.conversation != null && channels.contains(c.interaction.getChannel()) && c.isScoredCustomerTurn();
    }

    @Override
    public Match evaluate(String ruleId, RuleContext c) {
        double score = c.interaction.getSentiment().getScore();
        List<SentimentRun> runs = c.conversation.getRuns();
        SentimentRun run = null;
        for (SentimentRun r : runs) {
            if (r.getRuleId().equals(ruleId)) {
                run = r;
            }
        }
        if (score >= threshold) {
            if (run != null) {
                runs.remove(run);
            }
            return null;
        }
        if (run == null) {
            run = SentimentRun.newBuilder().setRuleId(ruleId).setTurns(0).setStartedAt(c.time()).setFired(false)
                    .setEvidence(new ArrayList<>()).build();
            runs.add(run);
        }
        run.setTurns(run.getTurns() + 1);
        run.setStartedAt(Math.min(run.getStartedAt(), c.time()));
        List<RuleEvidence> evidence = run.getEvidence();
        evidence.add(Evidence.of(c.interaction));
        if (evidence.size() > EVIDENCE_TURNS) {
            evidence.remove(0);
        }
        boolean holds = forTurns != null ? run.getTurns() >= forTurns : c.time() - run.getStartedAt() >= forMs;
        if (run.getFired() || !holds) {
            return null;
        }
        run.setFired(true);
        String length = forTurns != null ? run.getTurns() + " customer turns"
                : (c.time() - run.getStartedAt()) / 1000 + " s (" + run.getTurns() + " customer turns)";
        List<String> refs = new ArrayList<>();
        for (int i = evidence.size() - 1; i >= 0; i--) {
            refs.add(Evidence.describe(evidence.get(i)));
        }
        return new Match(String.format(Locale.ROOT, "customer sentiment below %.2f for %s in %s %s (latest %.2f)",
                threshold, length, c.conversation.getChannel(), c.conversation.getConversationId(), score),
                refs, List.of(c.interaction.getChannel()));
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s %.2f for %s", TYPE, threshold,
                forTurns != null ? forTurns + " turns" : forMs / 1000 + " s");
    }
}
