package vigil.operators.rules;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The customer rules' metrics: per rule (group {@code rule.<id>}) evaluations and matches; for the
 * operator alerts, cool-down suppressions, and (on the subtask that reports rule status) accepted and
 * rejected rule messages; the active rule count as a gauge.
 */
final class RuleMetrics {
    private final MetricGroup group;
    private final Map<String, Counter[]> perRule = new HashMap<>();
    final Counter alerts;
    final Counter suppressed;
    final Counter accepted;
    final Counter rejected;

    private final IntSupplier active;

    RuleMetrics(MetricGroup group, IntSupplier active) {
        this.group = group;
        this.active = active;
        alerts = group.counter("ruleAlerts");
        suppressed = group.counter("ruleAlertsSuppressedByCoolDown");
        accepted = group.counter("ruleUpdatesAccepted");
        rejected = group.counter("rulesRejected");
        group.gauge("rulesActive", (Gauge<Integer>) active::getAsInt);
    }

    int activeCount() {
        return active.getAsInt();
    }

    Counter evaluations(String ruleId) {
        return counters(ruleId)[0];
    }

    Counter matches(String ruleId) {
        return counters(ruleId)[1];
    }

    /** Registered once per rule id and kept: Flink cannot unregister a metric of a deleted rule. */
    private Counter[] counters(String ruleId) {
        return perRule.computeIfAbsent(ruleId, id -> {
            MetricGroup rule = group.addGroup("rule", id);
            return new Counter[] {rule.counter("evaluations"), rule.counter("matches")};
        });
    }
}
