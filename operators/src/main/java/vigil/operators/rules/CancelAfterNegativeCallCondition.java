package vigil.operators.rules;

import vigil.schemas.Channel;
import vigil.schemas.RuleEvidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A cancel-page visit (see rules.cancelPages) at most N minutes after a call in which the customer
 * said something labelled NEGATIVE. Either may arrive first: the visit is checked against the latest
 * negative call turn, and a negative call turn against the latest visit.
 */
final class CancelAfterNegativeCallCondition implements Condition {
    static final String TYPE = "cancelPageAfterNegativeCall";
    private static final Set<String> FIELDS = Set.of("type", "withinMinutes");
    private static final long MINUTE_MS = 60_000L;

    private final long withinMs;

    private CancelAfterNegativeCallCondition(long withinMs) {
        this.withinMs = withinMs;
    }

    static CancelAfterNegativeCallCondition from(RuleFields when, long retentionMs) throws InvalidRuleException {
        when.allowOnly(FIELDS);
        int minutes = when.integer("withinMinutes", 1, (int) Math.min(Integer.MAX_VALUE, retentionMs / MINUTE_MS));
        return new CancelAfterNegativeCallCondition(minutes * MINUTE_MS);
    }

    @Override
    public Set<MemoryNeed> needs() {
        return EnumSet.of(MemoryNeed.CANCEL_AFTER_CALL);
    }

    @Override
    public boolean appliesTo(RuleContext c) {
        return c.cancelVisit || c.negativeCallTurn;
    }

    @Override
    public Match evaluate(String ruleId, RuleContext c) {
        RuleEvidence call;
        RuleEvidence visit;
        if (c.cancelVisit) {
            call = c.state.getLastNegativeCall();
            visit = Evidence.of(c.interaction);
        } else {
            call = Evidence.of(c.interaction);
            visit = c.state.getLastCancelVisit();
        }
        if (call == null || visit == null) {
            return null;
        }
        long gap = visit.getTimestamp() - call.getTimestamp();
        if (gap < 0 || gap > withinMs) {
            return null;
        }
        return new Match("visited a cancel page (" + visit.getText() + ") " + gap / MINUTE_MS
                + " min after a negative call (CALL " + call.getConversationId() + ")",
                List.of(Evidence.describe(call), Evidence.describe(visit)), List.of(Channel.CALL, Channel.CLICK));
    }

    @Override
    public String describe() {
        return TYPE + " within " + withinMs / MINUTE_MS + " min";
    }
}
