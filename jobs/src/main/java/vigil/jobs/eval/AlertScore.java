package vigil.jobs.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Matches the alerts of a run to the scenario's incidents and computes the figures: an incident is
 * detected by an alert on its topic opened between its start and its end plus the grace period
 * (time-to-alert: opened minus start, in event time); an opened alert that matches no incident is a
 * false alert.
 */
public final class AlertScore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final List<IncidentResult> incidents = new ArrayList<>();
    private final List<Alert> falseAlerts = new ArrayList<>();
    private final List<Alert> openings;
    private final int opened;
    private final long wallMillis;

    public record IncidentResult(Scenario.IncidentSpec incident, Long timeToAlertMs, String alertId) {
        boolean detected() {
            return timeToAlertMs != null;
        }
    }

    public AlertScore(Scenario scenario, AlertEvaluation.Result result) {
        this.scenario = scenario;
        this.wallMillis = result.wallMillis();
        // Once per alert id: a job restarted from a checkpoint may emit an opening again into the collector.
        this.openings = result.alerts().stream().filter(a -> a.getStatus() == AlertStatus.OPENED)
                .collect(java.util.stream.Collectors.toMap(Alert::getAlertId, a -> a, (a, b) -> a)).values().stream()
                .sorted(Comparator.comparingLong(Alert::getOpenedAt)).toList();
        this.opened = openings.size();
        long t0 = scenario.startTime();
        for (Scenario.IncidentSpec incident : scenario.incidents) {
            long from = t0 + incident.start.toMillis();
            long until = from + incident.duration.toMillis() + scenario.grace.toMillis();
            Alert first = openings.stream().filter(a -> incident.topic.equals(a.getTopic())
                    && a.getOpenedAt() >= from && a.getOpenedAt() <= until).findFirst().orElse(null);
            incidents.add(new IncidentResult(incident, first == null ? null : first.getOpenedAt() - from,
                    first == null ? null : first.getAlertId()));
        }
        for (Alert alert : openings) {
            boolean matches = scenario.incidents.stream().anyMatch(incident -> {
                long from = t0 + incident.start.toMillis();
                long until = from + incident.duration.toMillis() + scenario.grace.toMillis();
                return incident.topic.equals(alert.getTopic()) && alert.getOpenedAt() >= from
                        && alert.getOpenedAt() <= until;
            });
            if (!matches) {
                falseAlerts.add(alert);
            }
        }
    }

    public long detected() {
        return incidents.stream().filter(IncidentResult::detected).count();
    }

    public Double recall() {
        return incidents.isEmpty() ? null : (double) detected() / incidents.size();
    }

    /** Median time-to-alert over detected incidents, seconds of event time. */
    public Double medianSeconds() {
        List<Long> times = times();
        if (times.isEmpty()) {
            return null;
        }
        int n = times.size();
        return (n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2.0) / 1000.0;
    }

    public Double maxSeconds() {
        List<Long> times = times();
        return times.isEmpty() ? null : times.get(times.size() - 1) / 1000.0;
    }

    public double falseAlertsPerDay() {
        return falseAlerts.size() / (scenario.length.toMillis() / 86_400_000.0);
    }

    private List<Long> times() {
        return incidents.stream().filter(IncidentResult::detected).map(IncidentResult::timeToAlertMs).sorted().toList();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scenario %s (synthetic traffic, seed %d): %.1f h of event time, %.1f events/s "
                + "at the daily mean, run in %.0f s%n", scenario.name, scenario.seed, scenario.length.toMinutes() / 60.0,
                scenario.eventsPerSecond(), wallMillis / 1000.0));
        for (IncidentResult r : incidents) {
            out.append(String.format(Locale.ROOT, "  incident %-13s x%-4.1f %-28s at %-8s for %-7s -> %s%n",
                    r.incident().topic, r.incident().magnitude, r.incident().sources, r.incident().start,
                    r.incident().duration, r.detected()
                            ? String.format(Locale.ROOT, "alert after %.0f s (%s)", r.timeToAlertMs() / 1000.0, r.alertId())
                            : "MISSED"));
        }
        for (IncidentResult r : incidents) {
            openings.stream().filter(a -> a.getAlertId().equals(r.alertId())).findFirst()
                    .ifPresent(a -> out.append("    ").append(a.getSeverity()).append(": ").append(a.getReason()).append('\n'));
        }
        for (Alert alert : falseAlerts) {
            out.append("  false alert ").append(alert.getAlertId()).append(": ").append(alert.getReason()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "incidents detected %d/%d, recall %s, time-to-alert median %s max %s, "
                        + "alerts opened %d, false alerts %d (%.2f per simulated day)%n", detected(), incidents.size(),
                recall() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", recall()), seconds(medianSeconds()),
                seconds(maxSeconds()), opened, falseAlerts.size(), falseAlertsPerDay()));
        return out.toString();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario.name);
        root.put("traffic", "synthetic");
        root.put("seed", scenario.seed);
        root.put("eventTimeHours", scenario.length.toMinutes() / 60.0);
        root.put("eventsPerSecond", scenario.eventsPerSecond());
        root.put("wallSeconds", wallMillis / 1000.0);
        root.put("incidents", incidents.size());
        root.put("detected", detected());
        putNullable(root, "recall", recall());
        putNullable(root, "timeToAlertMedianSeconds", medianSeconds());
        putNullable(root, "timeToAlertMaxSeconds", maxSeconds());
        root.put("alertsOpened", opened);
        root.put("falseAlerts", falseAlerts.size());
        root.put("falseAlertsPerDay", falseAlertsPerDay());
        ArrayNode list = root.putArray("perIncident");
        for (IncidentResult r : incidents) {
            ObjectNode node = list.addObject();
            node.put("topic", r.incident().topic);
            node.put("magnitude", r.incident().magnitude);
            node.put("sources", r.incident().sources.toString());
            node.put("startSeconds", r.incident().start.toSeconds());
            if (r.detected()) {
                node.put("timeToAlertSeconds", r.timeToAlertMs() / 1000.0);
                node.put("alertId", r.alertId());
            } else {
                node.putNull("timeToAlertSeconds");
            }
        }
        return root.toString();
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String seconds(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.0f s", value);
    }
}
