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
 * How long a restored job took to start, from the cluster's REST API: it waits until every subtask of
 * {@code /jobs/:id} is RUNNING, then reads each subtask's state transition times
 * ({@code /jobs/:id/vertices/:vid/subtasktimes}: the epoch millis at which it became CREATED, SCHEDULED,
 * DEPLOYING, INITIALIZING, RUNNING). A task is INITIALIZING while it restores its state; RUNNING
 * once every operator of its chain has restored. The restored checkpoint's id comes from
 * {@code /jobs/:id/checkpoints} ({@code latest.restored}).
 */
public final class RestoreProbe {
    /** One operator chain: its subtasks, the slowest one's INITIALIZING time, and when its last subtask ran (ms after submission). */
    public record Chain(String chain, int subtasks, long slowestInitializingMs, long lastRunningMs) {}

    /** Submission (the call that starts the cluster and submits the job) to every subtask RUNNING, and per chain. */
    public record Startup(long toAllRunningMs, long jobStartToAllRunningMs, int subtasks, long restoredCheckpointId,
                          List<Chain> chains) {}


    private RestoreProbe() {}

    /** Waits (up to {@code timeout}) until every subtask of the job is RUNNING; {@code submittedMillis}: epoch millis of the submission. */
    public static Startup awaitRunning(String base, String jobId, long submittedMillis, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = null;
        while (job == null || !allRunning(job)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("job " + jobId + " not running after " + timeout + ": " + job);
            }
            Thread.sleep(200);
            job = tryGet(http, base + "/jobs/" + jobId);
            if (job != null && List.of("FAILED", "CANCELED", "FINISHED").contains(job.path("state").asText())) {
                throw new IOException("job " + jobId + " is " + job.path("state").asText() + " instead of running");
            }
        }
        Map<String, JsonNode> times = new LinkedHashMap<>();
        for (JsonNode vertex : job.path("vertices")) {
            String vid = vertex.path("id").asText();
            times.put(vid, FlinkRest.get(http, base + "/jobs/" + jobId + "/vertices/" + vid + "/subtasktimes"));
        }
        JsonNode restored = FlinkRest.get(http, base + "/jobs/" + jobId + "/checkpoints").path("latest").path("restored");
        return startup(job, times, submittedMillis, restored.path("id").asLong(-1));
    }

    /** Every vertex has all its subtasks RUNNING. */
    static boolean allRunning(JsonNode job) {
        if (!job.path("vertices").elements().hasNext()) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (vertex.path("tasks").path("RUNNING").asInt() != vertex.path("parallelism").asInt()) {
                return false;
            }
        }
        return true;
    }

    /** {@code times}: vertex id → its subtasktimes answer. */
    static Startup startup(JsonNode job, Map<String, JsonNode> times, long submittedMillis, long restoredId) {
        List<Chain> chains = new ArrayList<>();
        long lastRunning = 0;
        int subtasks = 0;
        for (JsonNode vertex : job.path("vertices")) {
            long slowest = 0;
            long last = 0;
            int count = 0;
            for (JsonNode subtask : times.get(vertex.path("id").asText()).path("subtasks")) {
                JsonNode at = subtask.path("timestamps");
                long running = at.path("RUNNING").asLong();
                slowest = Math.max(slowest, running - at.path("INITIALIZING").asLong(running));
                last = Math.max(last, running);
                count++;
            }
            chains.add(new Chain(CheckpointStats.shortName(vertex.path("name").asText()), count, slowest,
                    last - submittedMillis));
            lastRunning = Math.max(lastRunning, last);
            subtasks += count;
        }
        return new Startup(lastRunning - submittedMillis, lastRunning - job.path("start-time").asLong(), subtasks,
                restoredId, chains);
    }

    private static JsonNode tryGet(HttpClient http, String url) throws InterruptedException {
        try {
            return FlinkRest.get(http, url);
        } catch (IOException e) {
            return null; // the REST endpoint or the job is not there yet
        }
    }
}
