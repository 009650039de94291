package vigil.operators.rules;

import org.apache.flink.api.common.state.BroadcastState;
import vigil.schemas.ControlMessage;
import vigil.schemas.RuleAction;
import vigil.schemas.RuleEntry;
import vigil.schemas.RuleStatus;

/**
 * Applies one rule control message to the broadcast rule state and says what happened. A rejected
 * message leaves the state as it was. Every subtask applies every message the same way, so their
 * states stay equal.
 */
final class RuleCommands {
    private final RuleBook book;

    RuleCommands(RuleBook book) {
        this.book = book;
    }

    RuleStatus apply(ControlMessage message, BroadcastState<String, RuleEntry> state) throws Exception {
        switch (message.getType()) {
            case RULE_UPSERT:
                return upsert(message, state);
            case RULE_PAUSE:
            case RULE_DELETE:
                return pauseOrDelete(message, state);
            default:
                throw new IllegalArgumentException("not a rule message: " + message.getType());
        }
    }

    private RuleStatus upsert(ControlMessage message, BroadcastState<String, RuleEntry> state) throws Exception {
        String json = message.getPayload();
        String id = RuleParser.idOf(json);
        RuleEntry before = id == null ? null : book.current(id, state);
        boolean exists = before != null && before.getDefinition() != null;
        RuleAction action = exists ? RuleAction.UPDATE : RuleAction.ADD;
        Rule rule;
        try {
            rule = book.parse(json);
        } catch (InvalidRuleException e) {
            return status(message, id, action, false, e.getMessage() + (exists ? "; version " + before.getVersion()
                    + " stays in force" : ""), before == null ? 0 : before.getVersion());
        }
        int version = before == null ? 1 : before.getVersion() + 1;
        state.put(rule.id(), RuleEntry.newBuilder().setRuleId(rule.id()).setDefinition(json).setVersion(version)
                .setEnabled(rule.enabled()).build());
        return status(message, rule.id(), action, true, (exists ? "updated: " : "added: ") + rule.summary()
                + (rule.enabled() ? "" : " (paused: enabled is false)"), version);
    }

    private RuleStatus pauseOrDelete(ControlMessage message, BroadcastState<String, RuleEntry> state) throws Exception {
        boolean delete = message.getType() == vigil.schemas.ControlType.RULE_DELETE;
        RuleControl.Target target;
        try {
            target = RuleControl.target(message);
        } catch (InvalidRuleException e) {
            return status(message, null, delete ? RuleAction.DELETE : RuleAction.PAUSE, false, e.getMessage(), 0);
        }
        RuleAction action = delete ? RuleAction.DELETE : target.paused() ? RuleAction.PAUSE : RuleAction.RESUME;
        RuleEntry before = book.current(target.ruleId(), state);
        if (before == null || before.getDefinition() == null) {
            return status(message, target.ruleId(), action, false, "no rule '" + target.ruleId() + "'"
                    + (before == null ? "" : " (it was deleted)"), before == null ? 0 : before.getVersion());
        }
        RuleEntry after = RuleEntry.newBuilder(before).build();
        String reason;
        if (delete) {
            after.setDefinition(null);
            after.setEnabled(false);
            reason = "deleted; alerts of this rule stop";
        } else {
            after.setEnabled(!target.paused());
            boolean unchanged = before.getEnabled() == after.getEnabled();
            reason = target.paused() ? (unchanged ? "already paused" : "paused") : (unchanged ? "already active" : "resumed");
        }
        state.put(target.ruleId(), after);
        return status(message, target.ruleId(), action, true, reason, after.getVersion());
    }

    private static RuleStatus status(ControlMessage message, String ruleId, RuleAction action, boolean accepted,
                                     String reason, int version) {
        return RuleStatus.newBuilder().setRuleId(ruleId).setMessageId(message.getId()).setAction(action)
                .setAccepted(accepted).setReason(reason).setVersion(version).setAt(message.getTimestamp()).build();
    }
}
