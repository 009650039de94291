package vigil.operators.rules;

import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.RuleCustomerState;

import java.util.ArrayList;

/**
 * Turns a rule's match into an alert for one customer, at most one per rule and customer per
 * cool-down (event time, either direction, so late events do not re-alert).
 */
final class RuleAlerts {
    static final String ID_PREFIX = "rule:";

    private final long coolDownMs;

    RuleAlerts(long coolDownMs) {
        this.coolDownMs = coolDownMs;
    }

    boolean coolingDown(RuleCustomerState state, String ruleId, long time) {
        Long last = state.getLastFired().get(ruleId);
        return last != null && Math.abs(time - last) < coolDownMs;
    }

    /** The alert, stable id {@code rule:<ruleId>:<customerId>:<eventTime>}; remembers it for the cool-down. */
    Alert open(Rule rule, String customerId, long time, Match match, RuleCustomerState state) {
        state.getLastFired().put(rule.id(), time);
        return Alert.newBuilder()
                .setAlertId(ID_PREFIX + rule.id() + ":" + customerId + ":" + time)
                .setStatus(AlertStatus.OPENED)
                .setSeverity(rule.severity())
                .setDetector(rule.id())
                .setTopic(match.topic())
                .setSources(new ArrayList<>(match.sources()))
                .setCustomerId(customerId)
                .setAffectedCustomers(1)
                .setReason(rule.name() + ": " + match.reason())
                .setEvidence(new ArrayList<>(match.evidence()))
                .setOpenedAt(time)
                .setUpdatedAt(time)
                .build();
    }
}
