package vigil.console.view;

import vigil.console.AlertAction;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts the console shows: each alert's latest lifecycle event from cx.alerts and the supervisors'
 * actions on it from cx.control. Bounded: the least recently updated alerts are forgotten first. Actions
 * may arrive before their alert (two topics), so they are kept for a while on their own.
 */
public final class AlertBoard {
    /** The console's state of an alert, from the supervisors' actions and the detector's resolution. */
    public enum State { NEW, ACKNOWLEDGED, ASSIGNED, RESOLVED }

    /** One alert as shown: the latest event, what supervisors did, and who did what when. */
    public record Entry(Alert alert, State state, String assignee, String resolvedBy, Long resolvedAt,
                        List<AlertAction> history) {
        /** The time the entry last changed, event or action. */
        public long changedAt() {
            long at = alert.getUpdatedAt();
            return history.isEmpty() ? at : Math.max(at, history.get(history.size() - 1).at());
        }
    }

    private final int maxAlerts;
    private final Map<String, Alert> alerts = new HashMap<>();
    private final Map<String, List<AlertAction>> actions = new LinkedHashMap<>();

    public AlertBoard(int maxAlerts) {
        this.maxAlerts = maxAlerts;
    }

    /** Takes the alert's newest event (an older one arriving late is ignored); returns its entry. */
    public synchronized Entry onAlert(Alert alert) {
        Alert known = alerts.get(alert.getAlertId());
        if (known == null || rank(alert) >= rank(known)) {
            alerts.put(alert.getAlertId(), alert);
        }
        trim();
        return entry(alert.getAlertId());
    }

    /** Records the action; returns the alert's entry, or null while the alert itself is unknown. */
    public synchronized Entry onAction(AlertAction action) {
        actions.computeIfAbsent(action.alertId(), id -> new ArrayList<>()).add(action);
        trim();
        return alerts.containsKey(action.alertId()) ? entry(action.alertId()) : null;
    }

    public synchronized boolean contains(String alertId) {
        return alerts.containsKey(alertId);
    }

    public synchronized Entry entry(String alertId) {
        Alert alert = alerts.get(alertId);
        if (alert == null) {
            return null;
        }
        List<AlertAction> history = List.copyOf(actions.getOrDefault(alertId, List.of()));
        State state = State.NEW;
        String assignee = null;
        String resolvedBy = null;
        Long resolvedAt = null;
        for (AlertAction action : history) {
            switch (action.action()) {
                case ACKNOWLEDGE -> state = state == State.NEW ? State.ACKNOWLEDGED : state;
                case ASSIGN -> {
                    state = State.ASSIGNED;
                    assignee = action.assignee();
                }
                case RESOLVE -> {
                    state = State.RESOLVED;
                    resolvedBy = action.by();
                    resolvedAt = action.at();
                }
                case REOPEN -> {
                    state = assignee != null ? State.ASSIGNED : State.NEW;
                    resolvedBy = null;
                    resolvedAt = null;
                }
            }
        }
        if (state != State.RESOLVED && alert.getStatus() == AlertStatus.RESOLVED) {
            state = State.RESOLVED;
            resolvedBy = alert.getDetector();
            resolvedAt = alert.getUpdatedAt();
        }
        return new Entry(alert, state, assignee, resolvedBy, resolvedAt, history);
    }

    /** Every alert, newest first (by opening time, then last change). */
    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String id : alerts.keySet()) {
            entries.add(entry(id));
        }
        entries.sort(Comparator.comparingLong((Entry e) -> e.alert().getOpenedAt())
                .thenComparingLong(Entry::changedAt).reversed());
        return entries;
    }

    /** How many alerts are in each state (every state, zeros included). */
    public synchronized Map<String, Integer> countByState() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (State state : State.values()) {
            counts.put(state.name(), 0);
        }
        for (String id : alerts.keySet()) {
            counts.merge(entry(id).state().name(), 1, Integer::sum);
        }
        return counts;
    }

    public synchronized int size() {
        return alerts.size();
    }

    /** Later in the lifecycle wins; within one status, the later update. */
    private static long rank(Alert alert) {
        return alert.getUpdatedAt() * 4 + alert.getStatus().ordinal();
    }

    private void trim() {
        while (alerts.size() > maxAlerts) {
            String oldest = alerts.values().stream().min(Comparator.comparingLong(Alert::getUpdatedAt)).orElseThrow()
                    .getAlertId();
            alerts.remove(oldest);
            actions.remove(oldest);
        }
        // actions whose alert never came (or was forgotten): keep as many as there may be alerts
        var it = actions.keySet().iterator();
        while (actions.size() > 2 * maxAlerts && it.hasNext()) {
            String id = it.next();
            if (!alerts.containsKey(id)) {
                it.remove();
            }
        }
    }
}
