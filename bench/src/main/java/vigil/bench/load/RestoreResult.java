package vigil.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * The restore phase of {@code ./vigil bench --restore}: the retained checkpoint the scoring job was
 * restored from, how long the restored job took to run, the first score of an event sent after the
 * restart, and the latencies of the phase after it.
 */
public record RestoreResult(RetainedCheckpoint checkpoint, long changelogFilesBytes, RestoreProbe.Startup startup, long firstScoreMs,
                            LoadResult.Latency after, double seconds, String load) {

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("restore: the scoring job cancelled, restarted from its latest retained checkpoint through Vigil's"
                + " restore path (Savepoints.restoreFrom), traffic at the same rate from the submission on for %.0f s (load %s)%n",
                seconds, load));
        out.append(String.format("restored checkpoint %d (REST: %d): full state %s, checkpointed %s; keyed state: materialized %s"
                        + " + changelog %s%n", checkpoint.id(), startup.restoredCheckpointId(), mb(checkpoint.stateSize()),
                mb(checkpoint.checkpointedSize()), mb(checkpoint.materializedSize()), mb(checkpoint.changelogSize())));
        out.append(String.format("changelog files on disk at the restart (<checkpoint dir>/changelog, every subtask's, not yet discarded): %s%n",
                mb(changelogFilesBytes)));
        out.append(String.format("submission → every subtask RUNNING: %,d ms (%d subtasks; from Flink's job start: %,d ms)%n",
                startup.toAllRunningMs(), startup.subtasks(), startup.jobStartToAllRunningMs()));
        out.append(String.format("  %-40s %9s %22s %24s%n", "operator chain", "subtasks", "slowest INITIALIZING", "last RUNNING (after sub.)"));
        for (RestoreProbe.Chain chain : startup.chains()) {
            out.append(String.format("  %-40s %9d %19d ms %21d ms%n", chain.chain(), chain.subtasks(), chain.slowestInitializingMs(),
                    chain.lastRunningMs()));
        }
        out.append(String.format("first score of an event sent after the restart emitted %,d ms after the submission%n", firstScoreMs));
        out.append(String.format("events sent after the restart (ms from the event's creation): %-10s %7s %7s %7s %7s %8s%n", "",
                "p50", "p95", "p99", "max", "count"));
        LoadResult.latencyRows(out, after, "  ", 70);
        out.append(String.format("sent %,d at %.0f records/s%n", after.sent(), after.ratePerSecond()));
        return out.toString();
    }

    private static String mb(long bytes) {
        return bytes < 1_000_000 ? String.format("%.1f kB", bytes / 1e3) : String.format("%.1f MB", bytes / 1e6);
    }

    public void json(ObjectNode node) {
        ObjectNode restored = node.putObject("checkpoint");
        restored.put("id", checkpoint.id());
        restored.put("restIdRestored", startup.restoredCheckpointId());
        restored.put("stateSizeBytes", checkpoint.stateSize());
        restored.put("checkpointedSizeBytes", checkpoint.checkpointedSize());
        restored.put("materializedBytes", checkpoint.materializedSize());
        restored.put("changelogBytes", checkpoint.changelogSize());
        restored.put("changelogFilesOnDiskBytes", changelogFilesBytes);
        node.put("toAllRunningMs", startup.toAllRunningMs());
        node.put("jobStartToAllRunningMs", startup.jobStartToAllRunningMs());
        node.put("subtasks", startup.subtasks());
        ObjectNode chains = node.putObject("chains");
        for (RestoreProbe.Chain chain : startup.chains()) {
            ObjectNode c = chains.putObject(chain.chain());
            c.put("subtasks", chain.subtasks());
            c.put("slowestInitializingMs", chain.slowestInitializingMs());
            c.put("lastRunningMs", chain.lastRunningMs());
        }
        node.put("firstScoreMs", firstScoreMs);
        node.put("seconds", seconds);
        node.put("load", load);
        node.put("sent", after.sent());
        LoadResult.samplesJson(node, after);
    }
}
