package vigil.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.jobs.config.VigilConfig;
import vigil.schemas.streams.StreamId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The figures of one load benchmark run, as a table or as JSON. */
public final class LoadResult {
    /** A steady-rate phase: the rate achieved, records sent and consumed, latencies per output. */
    public record Latency(double ratePerSecond, long sent, long consumed, Map<String, Samples> visible,
                          Map<String, Samples> emitted, CheckpointStats.Result checkpoints) {}

    private static final double[] PERCENTILES = {50, 95, 99};

    final LoadRun.Settings settings;
    final VigilConfig defaults;
    Map<StreamId, Long> backlogSent;
    ThroughputMeter.Result scoringMax;
    ThroughputMeter.Result passMax;
    String scoringMaxLoad;
    String passMaxLoad;
    double rate;
    Latency scoringLatency;
    Latency passLatency;
    String scoringRateLoad;
    String passRateLoad;
    RestoreResult restore;

    LoadResult(LoadRun.Settings settings, VigilConfig defaults) {
        this.settings = settings;
        this.defaults = defaults;
    }

    public ThroughputMeter.Result scoringMax() {
        return scoringMax;
    }

    public ThroughputMeter.Result passMax() {
        return passMax;
    }

    public Latency scoringLatency() {
        return scoringLatency;
    }

    public Latency passLatency() {
        return passLatency;
    }

    /** The restore phase ({@code --restore}), or null. */
    public RestoreResult restore() {
        return restore;
    }

    /** Scoring throughput as a fraction of pass-through throughput. */
    public double ratio() {
        return passMax.perSecond() == 0 ? 0 : scoringMax.perSecond() / passMax.perSecond();
    }

    /** The machine's load averages (1, 5, 15 min), as uptime prints them. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        if (scoringMax == null) {
            return header(out).append(latencyTable()).toString();
        }
        header(out);
        out.append(String.format("%-34s %12s %10s %9s  %s%n", "sustained throughput (backlog)", "records/s", "records", "seconds", "load 1/5/15 min"));
        out.append(throughputRow("scoring job", scoringMax, scoringMaxLoad));
        out.append(throughputRow("pass-through job", passMax, passMaxLoad));
        out.append(String.format("%-34s %11.1f %%%n%n", "scoring / pass-through", 100 * ratio()));
        return scoringLatency == null ? out.toString() : out.append(latencyTable()).toString();
    }

    private StringBuilder header(StringBuilder out) {
        out.append(String.format("Vigil load benchmark: synthetic mixed traffic (%,d customers, seed %d, all six input streams,"
                        + " 0.1 %% malformed); parallelism %d, RocksDB, checkpoints every %d s, EXACTLY_ONCE sinks; %d cores%n",
                settings.customers(), settings.seed(), defaults.parallelism, defaults.checkpoints.interval.toSeconds(),
                Runtime.getRuntime().availableProcessors()));
        if (backlogSent != null) {
            out.append(String.format("backlog: %,d records %s%n", settings.events(), backlogSent));
        }
        return out.append(System.lineSeparator());
    }

    private String latencyTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("latency at %,.0f records/s (ms, from the event's creation; first %.0f s left out)%n",
                rate, settings.warmUpSeconds()));
        out.append(String.format("%-44s %7s %7s %7s %7s %8s%n", "", "p50", "p95", "p99", "max", "count"));
        latencyRows(out, scoringLatency);
        if (passLatency != null) {
            latencyRows(out, passLatency);
            out.append(String.format("%nscoring: %s (load %s); pass-through: %s (load %s)%n",
                    rateLine(scoringLatency), scoringRateLoad, rateLine(passLatency), passRateLoad));
        } else {
            out.append(String.format("%nscoring: %s (load %s); pass-through steady-rate phase left out (--restore)%n",
                    rateLine(scoringLatency), scoringRateLoad));
        }
        out.append("emitted = handed to the Kafka producer by the exactly-once sink; visible = read by a read_committed consumer,"
                + " i.e. after the checkpoint that commits the transaction\n");
        out.append(String.format("%ncheckpoints in the measured window, scoring job: ")).append(CheckpointStats.table(scoringLatency.checkpoints()));
        if (passLatency != null) {
            out.append("checkpoints in the measured window, pass-through job: ").append(CheckpointStats.table(passLatency.checkpoints()));
        }
        out.append("sync = the synchronous part of the snapshot (the task thread is blocked); alignment = from the first barrier"
                + " to the last (inputs that delivered their barrier wait); start delay = trigger to the first barrier\n");
        if (restore != null) {
            out.append(System.lineSeparator()).append(restore.table());
        }
        return out.toString();
    }

    private static String throughputRow(String name, ThroughputMeter.Result r, String load) {
        return String.format("%-34s %12.0f %10d %9.1f  %s%s%n", name, r.perSecond(), r.records(), r.seconds(), load,
                r.drained() && r.records() == r.consumed() ? "  (backlog drained within the warm-up: whole run)" : "");
    }

    private static String rateLine(Latency l) {
        return String.format("%.0f records/s sent (%,d), %,d consumed", l.ratePerSecond(), l.sent(), l.consumed());
    }

    private static void latencyRows(StringBuilder out, Latency latency) {
        latencyRows(out, latency, "", 44);
    }

    /**
     * A row per output, emitted then visible: p50, p95, p99, max and count, after {@code indent} and a label
     * {@code labelWidth} wide.
     */
    static void latencyRows(StringBuilder out, Latency latency, String indent, int labelWidth) {
        latency.emitted().forEach((label, samples) -> out.append(indent).append(row(label + ", emitted", samples, labelWidth)));
        latency.visible().forEach((label, samples) ->
                out.append(indent).append(row(label + ", visible (read_committed)", samples, labelWidth)));
    }

    private static String row(String label, Samples s, int labelWidth) {
        return String.format("%-" + labelWidth + "s %7d %7d %7d %7d %8d%n", label, s.percentile(50), s.percentile(95),
                s.percentile(99), s.max(), s.count());
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("traffic", "synthetic");
        root.put("customers", settings.customers());
        root.put("seed", settings.seed());
        root.put("parallelism", defaults.parallelism);
        root.put("checkpointIntervalSeconds", defaults.checkpoints.interval.toSeconds());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("backlogRecords", settings.events());
        if (scoringMax == null) {
            return latencyJson(root).toString();
        }
        ObjectNode max = root.putObject("throughput");
        throughput(max.putObject("scoring"), scoringMax, scoringMaxLoad);
        throughput(max.putObject("passThrough"), passMax, passMaxLoad);
        max.put("ratio", ratio());
        return scoringLatency == null ? root.toString() : latencyJson(root).toString();
    }

    private ObjectNode latencyJson(ObjectNode root) {
        ObjectNode latency = root.putObject("latency");
        latency.put("rate", rate);
        latency.put("warmUpSeconds", settings.warmUpSeconds());
        latency(latency.putObject("scoring"), scoringLatency, scoringRateLoad);
        if (passLatency != null) {
            latency(latency.putObject("passThrough"), passLatency, passRateLoad);
        }
        if (restore != null) {
            restore.json(root.putObject("restore"));
        }
        return root;
    }

    private static void throughput(ObjectNode node, ThroughputMeter.Result r, String load) {
        node.put("recordsPerSecond", Math.round(r.perSecond()));
        node.put("records", r.records());
        node.put("seconds", r.seconds());
        node.put("drained", r.drained());
        node.put("load", load);
    }

    private static void latency(ObjectNode node, Latency l, String load) {
        node.put("ratePerSecond", Math.round(l.ratePerSecond()));
        node.put("sent", l.sent());
        node.put("consumed", l.consumed());
        node.put("load", load);
        samplesJson(node, l);
        ObjectNode checkpoints = node.putObject("checkpoints");
        checkpoints.put("completed", l.checkpoints().checkpoints());
        checkpoints.put("endToEndMedianMs", l.checkpoints().endToEnd()[0]);
        checkpoints.put("endToEndMaxMs", l.checkpoints().endToEnd()[1]);
        for (CheckpointStats.Row row : l.checkpoints().rows()) {
            ObjectNode chain = checkpoints.putObject(row.chain());
            chain.put("syncMaxMs", row.sync()[1]);
            chain.put("asyncMaxMs", row.async()[1]);
            chain.put("alignmentMaxMs", row.alignment()[1]);
            chain.put("startDelayMaxMs", row.startDelay()[1]);
        }
    }

    /** {@code emittedMs} and {@code visibleMs}: per output, the percentiles, max and count. */
    static void samplesJson(ObjectNode node, Latency l) {
        ObjectNode emitted = node.putObject("emittedMs");
        l.emitted().forEach((label, s) -> percentiles(emitted.putObject(label), s));
        ObjectNode visible = node.putObject("visibleMs");
        l.visible().forEach((label, s) -> percentiles(visible.putObject(label), s));
    }

    private static void percentiles(ObjectNode node, Samples s) {
        for (double p : PERCENTILES) {
            node.put("p" + (int) p, s.percentile(p));
        }
        node.put("max", s.max());
        node.put("count", s.count());
    }
}
