package vigil.jobs.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

import java.util.Map;

/** The demo's progress line and final summary (text or one JSON object). */
final class DemoSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoSummary() {}

    static String line(long elapsedSeconds, Map<StreamId, Long> sent, Map<StreamId, Long> sentBefore,
                       double intervalSeconds, OutputMonitor.Counts out) {
        StringBuilder line = new StringBuilder(String.format("[%4ds] in/s", elapsedSeconds));
        sent.forEach((stream, count) -> {
            long delta = count - sentBefore.getOrDefault(stream, 0L);
            if (stream != StreamId.CONTROL) {
                line.append(' ').append(shortName(stream)).append(' ').append(Math.round(delta / intervalSeconds));
            }
        });
        line.append(" | out: enriched ").append(out.enriched())
                .append(", scores ").append(out.scores())
                .append(", dead letters ").append(out.deadLetters());
        if (out.actionChanges() > 0) {
            line.append(", action changes ").append(out.actionChanges());
        }
        if (out.tombstones() > 0) {
            line.append(", erasures ").append(out.tombstones());
        }
        if (!out.alertsByStatus().isEmpty()) {
            line.append(", alerts ").append(out.alertsByStatus());
        }
        return line.toString();
    }

    static String text(long seconds, Map<StreamId, Long> sent, long malformedSent, OutputMonitor.Counts out) {
        StringBuilder text = new StringBuilder("Vigil demo summary after ").append(seconds).append(" s (synthetic traffic)\n");
        sent.forEach((stream, count) -> text.append(String.format("  in  %-14s %,10d%n", stream.defaultTopic(), count)));
        text.append(String.format("  malformed records sent %,8d%n", malformedSent));
        out.enrichedByChannel().forEach((channel, count) ->
                text.append(String.format("  out cx.enriched %-7s %,9d%n", channel, count)));
        text.append(String.format("  texts by sentiment      %s%n", out.sentimentByLabel()));
        text.append(String.format("  texts by topic          %s%n", out.topics()));
        text.append(String.format("  out cx.scores           %,10d (tombstones %d)%n", out.scores(), out.tombstones()));
        text.append(String.format("  customers by churn band %s%n", out.customersByChurnBand()));
        text.append(String.format("  customers by top action %s%n", out.customersByTopAction()));
        text.append(String.format("  out cx.actions          %,10d top-action changes%n", out.actionChanges()));
        out.latestReasonByAction().forEach((action, reason) ->
                text.append(String.format("    latest reason %-20s %s%n", action, reason)));
        text.append(String.format("  out cx.dead-letters     %,10d %s%n", out.deadLetters(), out.deadLettersByReason()));
        text.append(String.format("  out cx.alerts (spikes)  %s%n", out.alertsByStatus()));
        text.append(String.format("  out cx.alerts (rules)   %s%n", out.ruleAlertsByRule()));
        return text.toString();
    }

    static String json(long seconds, Map<StreamId, Long> sent, long malformedSent, OutputMonitor.Counts out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("durationSeconds", seconds);
        root.put("traffic", "synthetic");
        ObjectNode in = root.putObject("in");
        sent.forEach((stream, count) -> in.put(stream.defaultTopic(), count));
        root.put("malformedSent", malformedSent);
        ObjectNode enriched = root.putObject("enriched");
        out.enrichedByChannel().forEach(enriched::put);
        ObjectNode sentiment = root.putObject("sentiment");
        out.sentimentByLabel().forEach(sentiment::put);
        ObjectNode topics = root.putObject("topics");
        out.topics().forEach(topics::put);
        root.put("scores", out.scores());
        ObjectNode bands = root.putObject("customersByChurnBand");
        out.customersByChurnBand().forEach(bands::put);
        ObjectNode topActions = root.putObject("customersByTopAction");
        out.customersByTopAction().forEach(topActions::put);
        root.put("actionChanges", out.actionChanges());
        ObjectNode actionReasons = root.putObject("latestReasonByAction");
        out.latestReasonByAction().forEach(actionReasons::put);
        root.put("erasures", out.tombstones());
        root.put("deadLetters", out.deadLetters());
        ObjectNode reasons = root.putObject("deadLettersByReason");
        out.deadLettersByReason().forEach(reasons::put);
        ObjectNode alerts = root.putObject("alerts");
        for (String status : new String[] {"OPENED", "UPDATED", "RESOLVED"}) {
            alerts.put(status, out.alertsByStatus().getOrDefault(status, 0L));
        }
        ObjectNode ruleAlerts = root.putObject("ruleAlerts");
        out.ruleAlertsByRule().forEach(ruleAlerts::put);
        return root.toString();
    }

    private static String shortName(StreamId stream) {
        return stream.name().toLowerCase();
    }
}
