package vigil.operators.nba;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import java.util.HashMap;
import java.util.Map;

/**
 * Next-best-action metrics: recommendations made, top-action changes, actions the contact policy held
 * back, reactions recorded, catalogs accepted and rejected (on the subtask that reports status), and
 * per action ({@code action.<id>.top}) how often it became a customer's top action.
 */
final class NbaMetrics {
    private final MetricGroup group;
    private final Map<String, Counter> top = new HashMap<>();
    final Counter recommendations;
    final Counter changes;
    final Counter suppressed;
    final Counter reactions;
    final Counter catalogsAccepted;
    final Counter catalogsRejected;

    NbaMetrics(MetricGroup group) {
        this.group = group;
        recommendations = group.counter("nbaRecommendations");
        changes = group.counter("topActionChanges");
        suppressed = group.counter("actionsSuppressedByPolicy");
        reactions = group.counter("actionReactions");
        catalogsAccepted = group.counter("catalogsAccepted");
        catalogsRejected = group.counter("catalogsRejected");
    }

    Counter top(String actionId) {
        return top.computeIfAbsent(actionId, id -> group.addGroup("action", id).counter("top"));
    }
}
