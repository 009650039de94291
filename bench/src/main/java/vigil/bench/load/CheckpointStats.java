package vigil.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink's checkpoint statistics of a running job, per operator chain, from the cluster's REST API
 * ({@code /jobs/:id/checkpoints} and {@code /checkpoints/details/:cid/subtasks/:vid}): for the completed
 * checkpoints triggered in a time window, the slowest subtask's synchronous and asynchronous snapshot
 * durations, barrier alignment and start delay (trigger to the first barrier), as median and maximum
 * over the checkpoints. The synchronous part and the alignment are what hold up records.
 */
public final class CheckpointStats {
    /** One operator chain: per-checkpoint maxima over its subtasks, in ms, as {median, max} over checkpoints. */
    public record Row(String chain, int checkpoints, long[] sync, long[] async, long[] alignment, long[] startDelay) {}

    /** The checkpoints themselves: count and end-to-end duration {median, max} in ms. */
    public record Result(int checkpoints, long[] endToEnd, List<Row> rows) {
        public static final Result NONE = new Result(0, new long[] {0, 0}, List.of());
    }


    private CheckpointStats() {}

    /** Reads the statistics of job {@code jobId} from the REST endpoint at {@code base} (e.g. http://127.0.0.1:8081). */
    public static Result fetch(String base, String jobId, long fromMillis, long toMillis) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode job = FlinkRest.get(http, base + "/jobs/" + jobId);
        JsonNode overview = FlinkRest.get(http, base + "/jobs/" + jobId + "/checkpoints");
        Map<Long, Map<String, JsonNode>> details = new LinkedHashMap<>();
        for (long id : completedIn(overview, fromMillis, toMillis)) {
            Map<String, JsonNode> perVertex = new LinkedHashMap<>();
            for (JsonNode vertex : job.path("vertices")) {
                String vid = vertex.path("id").asText();
                perVertex.put(vid, FlinkRest.get(http, base + "/jobs/" + jobId + "/checkpoints/details/" + id + "/subtasks/" + vid));
            }
            details.put(id, perVertex);
        }
        return summarize(job, overview, details);
    }

    /** Ids of the completed checkpoints triggered in [from, to]. */
    static List<Long> completedIn(JsonNode overview, long fromMillis, long toMillis) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode checkpoint : overview.path("history")) {
            long trigger = checkpoint.path("trigger_timestamp").asLong();
            if ("COMPLETED".equals(checkpoint.path("status").asText()) && !checkpoint.path("is_savepoint").asBoolean()
                    && trigger >= fromMillis && trigger <= toMillis) {
                ids.add(checkpoint.path("id").asLong());
            }
        }
        return ids;
    }

    /** {@code details}: checkpoint id → vertex id → the subtasks' statistics of that vertex in that checkpoint. */
    static Result summarize(JsonNode job, JsonNode overview, Map<Long, Map<String, JsonNode>> details) {
        List<Long> endToEnd = new ArrayList<>();
        for (JsonNode checkpoint : overview.path("history")) {
            if (details.containsKey(checkpoint.path("id").asLong())) {
                endToEnd.add(checkpoint.path("end_to_end_duration").asLong());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode vertex : job.path("vertices")) {
            String vid = vertex.path("id").asText();
            List<Long> sync = new ArrayList<>();
            List<Long> async = new ArrayList<>();
            List<Long> alignment = new ArrayList<>();
            List<Long> delay = new ArrayList<>();
            for (Map<String, JsonNode> perVertex : details.values()) {
                JsonNode subtasks = perVertex.getOrDefault(vid, FlinkRest.JSON.createObjectNode()).path("subtasks");
                if (subtasks.isEmpty()) {
                    continue;
                }
                sync.add(maxOver(subtasks, "checkpoint", "sync"));
                async.add(maxOver(subtasks, "checkpoint", "async"));
                alignment.add(maxOver(subtasks, "alignment", "duration"));
                delay.add(maxOver(subtasks, "start_delay", null));
            }
            rows.add(new Row(shortName(vertex.path("name").asText()), sync.size(), medianMax(sync), medianMax(async),
                    medianMax(alignment), medianMax(delay)));
        }
        return new Result(endToEnd.size(), medianMax(endToEnd), rows);
    }

    private static long maxOver(JsonNode subtasks, String field, String inner) {
        long max = 0;
        for (JsonNode subtask : subtasks) {
            JsonNode value = inner == null ? subtask.path(field) : subtask.path(field).path(inner);
            max = Math.max(max, value.asLong(0));
        }
        return max;
    }

    static long[] medianMax(List<Long> values) {
        if (values.isEmpty()) {
            return new long[] {0, 0};
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return new long[] {sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1)};
    }

    /** A chain's first operator and how many more it holds: "churn scoring (+4)". */
    static String shortName(String chainName) {
        String[] operators = chainName.split(" -> ");
        String first = operators[0].replaceFirst("^Source: ", "").replaceFirst("^Sink: ", "");
        String name = operators.length > 1 ? first + " (+" + (operators.length - 1) + ")" : first;
        return name.length() > 40 ? name.substring(0, 37) + "..." : name;
    }

    /** The table: one line per chain, median / max over the window's checkpoints. */
    public static String table(Result result) {
        StringBuilder out = new StringBuilder(String.format("%d completed checkpoints, end to end %d / %d ms (median / max)%n",
                result.checkpoints(), result.endToEnd()[0], result.endToEnd()[1]));
        out.append(String.format("  %-40s %13s %13s %13s %13s%n", "operator chain (slowest subtask, ms)", "sync", "async",
                "alignment", "start delay"));
        for (Row row : result.rows()) {
            out.append(String.format("  %-40s %13s %13s %13s %13s%n", row.chain(), pair(row.sync()), pair(row.async()),
                    pair(row.alignment()), pair(row.startDelay())));
        }
        return out.toString();
    }

    private static String pair(long[] medianMax) {
        return medianMax[0] + " / " + medianMax[1];
    }
}
