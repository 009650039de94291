package vigil.bench.load;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.jobs.ops.LocalClusters;
import vigil.jobs.ops.Savepoints;
import vigil.jobs.state.ChangelogBackend;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.jobs.kafka.TopicAdmin;
import vigil.schemas.streams.StreamId;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * One load benchmark run on an embedded Kafka broker: a backlog of mixed traffic drained by the scoring
 * job and by the pass-through job (sustained throughput, side by side), then each of them at a steady
 * rate (half the scoring job's maximum unless given) for the latency percentiles.
 */
public final class LoadRun {
    private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
    /** The scoring job's first operator after the source, whose input the benchmark counts. */
    private static final String SCORING = "decode + validate";
    private static final List<LatencyCollector.Output> SCORING_OUTPUTS = List.of(
            new LatencyCollector.Output("event → score", "rate.cx.scores", key -> true),
            new LatencyCollector.Output("event → enriched", "rate.cx.enriched", key -> true),
            new LatencyCollector.Output("event → alert (rule)", "rate.cx.alerts", key -> key.startsWith("rule:")));

    /** What to run. {@code rate} 0: half the measured maximum. {@code rulesDir} null: no rules. */
    /** {@code baseConfig}: a Vigil YAML file the scoring job starts from (null: defaults); broker, topics,
     * group, transactions and checkpoints are always the benchmark's own. */
    /** {@code restore}: after the scoring job's steady-rate phase, restart it from its retained checkpoint
     * ({@link #restore}) and feed it {@code restoreSeconds} more; the pass-through's steady-rate phase is left out. */
    public record Settings(double seconds, double rate, long events, int customers, long seed, String rulesDir,
                           double warmUpSeconds, boolean throughputOnly, String baseConfig, boolean latencyOnly,
                           boolean restore, double restoreSeconds) {
        public Settings(double seconds, double rate, long events, int customers, long seed, String rulesDir,
                        double warmUpSeconds, boolean throughputOnly, String baseConfig) {
            this(seconds, rate, events, customers, seed, rulesDir, warmUpSeconds, throughputOnly, baseConfig, false, false, 0);
        }
    }

    /** A started job and the REST address of its MiniCluster. */
    private record Running(JobClient client, String rest) {}

    private final Settings settings;
    private final PrintStream log;
    private final EmbeddedKafka kafka;
    private final Path workDir;

    private LoadRun(Settings settings, PrintStream log, EmbeddedKafka kafka, Path workDir) {
        this.settings = settings;
        this.log = log;
        this.kafka = kafka;
        this.workDir = workDir;
    }

    public static LoadResult run(Settings settings, PrintStream log) throws Exception {
        Path workDir = Files.createTempDirectory("vigil-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"))) {
            return new LoadRun(settings, log, kafka, workDir).run();
        } finally {
            org.apache.flink.util.FileUtils.deleteDirectoryQuietly(workDir.toFile());
        }
    }

    private LoadResult run() throws Exception {
        LoadResult result = new LoadResult(settings, settings.baseConfig() == null ? new VigilConfig()
                : ConfigLoader.load(Path.of(settings.baseConfig())));
        if (settings.latencyOnly() && settings.rate() > 0) {
            return latency(result);
        }
        VigilConfig backlogConfig = config("max", "writer");
        createTopics(backlogConfig, "max.passthrough");
        long start = System.currentTimeMillis();
        long span = (long) (settings.events() / 300.0 * 1000);
        TrafficWriter writer = new TrafficWriter(backlogConfig,
                TrafficWriter.traffic(settings.customers(), settings.seed(), 300, start - span));
        long t0 = System.nanoTime();
        writer.backlog(settings.events());
        result.backlogSent = writer.sent();
        log.printf("wrote a backlog of %,d records in %.1f s%n", settings.events(), (System.nanoTime() - t0) / 1e9);

        result.scoringMax = drain(config("max", "scoring"), SCORING);
        result.scoringMaxLoad = LoadResult.load();
        log.printf("scoring job: %,.0f records/s (load %s)%n", result.scoringMax.perSecond(), result.scoringMaxLoad);
        result.passMax = drain(config("max", "passthrough"), PassThroughJob.OPERATOR);
        result.passMaxLoad = LoadResult.load();
        log.printf("pass-through job: %,.0f records/s (load %s)%n", result.passMax.perSecond(), result.passMaxLoad);

        if (settings.throughputOnly()) {
            return result;
        }
        result.rate = settings.rate() > 0 ? settings.rate() : Math.max(1, Math.round(result.scoringMax.perSecond() / 2));
        return latency(result);
    }

    /** The steady-rate phases, at {@code result.rate}. */
    private LoadResult latency(LoadResult result) throws Exception {
        if (result.rate == 0) {
            result.rate = settings.rate();
        }
        result.scoringLatency = paced("rate", "scoring", SCORING, SCORING_OUTPUTS, result);
        result.scoringRateLoad = LoadResult.load();
        if (settings.restore()) {
            result.restore = restore(result.rate);
            return result;
        }
        result.passLatency = paced("ratept", "passthrough", PassThroughJob.OPERATOR, List.of(
                new LatencyCollector.Output("event → pass-through", "ratept.passthrough", key -> true)), result);
        result.passRateLoad = LoadResult.load();
        return result;
    }

    /** The job reads the phase's input topics from the start; its own group, transactions and checkpoints. */
    private VigilConfig config(String phase, String job) throws IOException {
        VigilConfig config = settings.baseConfig() == null ? new VigilConfig() : ConfigLoader.load(Path.of(settings.baseConfig()));
        config.jobName = "bench-" + phase + "-" + job;
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.kafka.groupId = config.jobName;
        config.kafka.transactionalIdPrefix = config.jobName;
        config.checkpoints.directory = workDir.resolve("checkpoints").resolve(config.jobName).toUri().toString();
        config.topics = new EnumMap<>(StreamId.class);
        for (StreamId stream : StreamId.values()) {
            config.topics.put(stream, phase + "." + stream.defaultTopic());
        }
        if (settings.rulesDir() != null && Files.exists(Path.of(settings.rulesDir()))) {
            config.rules.initialRules = settings.rulesDir();
        }
        return config;
    }

    private void createTopics(VigilConfig config, String passThroughTopic) {
        TopicAdmin.createAll(config, config.parallelism, (short) 1);
        kafka.createTopic(passThroughTopic, config.parallelism);
    }

    private ThroughputMeter.Result drain(VigilConfig config, String operator) throws Exception {
        JobClient job = start(config, operator, null).client();
        try {
            return ThroughputMeter.measure(() -> ConsumptionProbe.consumed(config.jobName, operator),
                    settings.events(), settings.seconds(), settings.warmUpSeconds(), 200, 180_000);
        } finally {
            job.cancel().get();
        }
    }

    private LoadResult.Latency paced(String phase, String kind, String operator, List<LatencyCollector.Output> outputs,
                                     LoadResult result)
            throws Exception {
        VigilConfig config = config(phase, kind);
        createTopics(config, phase + ".passthrough");
        LatencyCollector collector = new LatencyCollector(config, outputs);
        Thread reader = new Thread(collector, "vigil-bench-reader");
        reader.start();
        Running running = start(config, operator, null);
        JobClient job = running.client();
        try {
            Thread.sleep(3_000); // sources assigned their splits
            TrafficWriter writer = new TrafficWriter(config,
                    TrafficWriter.traffic(settings.customers(), settings.seed() + 1, result.rate, System.currentTimeMillis()));
            long measuredFrom = System.currentTimeMillis() + (long) (settings.warmUpSeconds() * 1000);
            collector.countFrom(measuredFrom);
            TrafficWriter.Sent sent = writer.paced(result.rate, settings.seconds());
            long measuredTo = System.currentTimeMillis();
            Samples first = collector.visible().values().iterator().next();
            awaitOutput(config, () -> first.count() > 0);
            long consumed = ConsumptionProbe.consumed(config.jobName, operator);
            log.printf("%s at %.0f records/s: sent %,d in %.1f s, consumed %,d%n", kind, result.rate, sent.records(),
                    sent.seconds(), consumed);
            return new LoadResult.Latency(sent.perSecond(), sent.records(), consumed, collector.visible(), collector.emitted(),
                    checkpoints(running, measuredFrom, measuredTo));
        } finally {
            collector.stop();
            reader.join(10_000);
            job.cancel().get();
        }
    }

    /**
     * The scoring job of the steady-rate phase (cancelled, its checkpoint retained) started again from its
     * latest retained checkpoint through Vigil's restore path ({@link Savepoints#restoreFrom}, the restore mode
     * of {@code run --from-savepoint}), on a cluster with the same settings, fed at the same rate from the
     * submission on.
     */
    private RestoreResult restore(double rate) throws Exception {
        VigilConfig config = config("rate", "scoring");
        Path directory = Path.of(URI.create(config.checkpoints.directory));
        RetainedCheckpoint checkpoint = RetainedCheckpoint.latest(directory)
                .orElseThrow(() -> new IllegalStateException("no retained checkpoint under " + directory));
        long changelogFiles = RetainedCheckpoint.bytesUnder(Path.of(URI.create(ChangelogBackend.basePath(config.checkpoints.directory))));
        log.printf("restoring the scoring job from checkpoint %d (%s)%n", checkpoint.id(), checkpoint.path());
        LatencyCollector collector = new LatencyCollector(config, SCORING_OUTPUTS);
        Thread reader = new Thread(collector, "vigil-bench-restore-reader");
        reader.start();
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        long submitted = System.currentTimeMillis();
        collector.countFrom(submitted);
        // traffic goes on through the restart, as it does in production: from the submission on
        TrafficWriter writer = new TrafficWriter(config,
                TrafficWriter.traffic(settings.customers(), settings.seed() + 2, rate, submitted));
        Future<TrafficWriter.Sent> feeding = feeder.submit(() -> writer.paced(rate, settings.restoreSeconds()));
        Running running = start(config, SCORING, checkpoint.path().toUri().toString());
        try {
            RestoreProbe.Startup startup = RestoreProbe.awaitRunning(running.rest(),
                    running.client().getJobID().toHexString(), submitted, Duration.ofMinutes(15));
            log.printf("restored job running %,d ms after the submission%n", startup.toAllRunningMs());
            TrafficWriter.Sent sent = feeding.get();
            awaitOutput(config, () -> collector.firstEmitted("event → score") >= 0);
            long first = collector.firstEmitted("event → score");
            String load = LoadResult.load();
            log.printf("after the restore: sent %,d, first score emitted %,d ms after the submission%n", sent.records(),
                    first < 0 ? -1 : first - submitted);
            return new RestoreResult(checkpoint, changelogFiles, startup, first < 0 ? -1 : first - submitted,
                    new LoadResult.Latency(sent.perSecond(), sent.records(), ConsumptionProbe.consumed(config.jobName, SCORING),
                            collector.visible(), collector.emitted(), CheckpointStats.Result.NONE),
                    settings.restoreSeconds(), load);
        } finally {
            feeder.shutdownNow();
            collector.stop();
            reader.join(10_000);
            running.client().cancel().get();
        }
    }

    /**
     * Waits for the outputs of a phase that has stopped sending: they become visible when the checkpoint
     * after them completes (two intervals and 3 s), and up to six intervals more until {@code seen} (a slow start).
     */
    private static void awaitOutput(VigilConfig config, BooleanSupplier seen) throws InterruptedException {
        long interval = config.checkpoints.interval.toMillis();
        Thread.sleep(2 * interval + 3_000);
        for (int i = 0; i < 6 && !seen.getAsBoolean(); i++) {
            Thread.sleep(interval);
        }
    }

    /** Checkpoint statistics of the checkpoints triggered in the measured window (none if they cannot be read). */
    private CheckpointStats.Result checkpoints(Running running, long from, long to) {
        try {
            return CheckpointStats.fetch(running.rest(), running.client().getJobID().toHexString(), from, to);
        } catch (Exception e) {
            LOG.warn("checkpoint statistics unavailable from {}", running.rest(), e);
            return CheckpointStats.Result.NONE;
        }
    }

    /** Starts the scoring job (counted at its decoder; from {@code restoreFrom} unless null) or the pass-through job on a MiniCluster of its own. */
    private Running start(VigilConfig config, String operator, String restoreFrom) throws Exception {
        Configuration flink = LocalClusters.configuration(config);
        if (restoreFrom != null) {
            flink.addAll(Savepoints.restoreFrom(restoreFrom, false, flink));
        }
        int restPort = freePort();
        flink.set(RestOptions.BIND_PORT, Integer.toString(restPort));
        flink.setString("metrics.reporter." + ConsumptionProbe.NAME + ".factory.class", ConsumptionProbe.class.getName());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism, flink);
        if (PassThroughJob.OPERATOR.equals(operator)) {
            PassThroughJob.wire(env, config, config.topics.get(StreamId.CONTROL).replace(".cx.control", ".passthrough"));
        } else {
            ScoringJob scoring = new ScoringJob(config);
            scoring.configure(env);
            scoring.wire(env.fromSource(KafkaConnectors.source(config), WatermarkStrategy.noWatermarks(), "kafka inputs")
                    .uid("kafka-inputs"), BenchOutputs.of(config));
        }
        LOG.info("starting {}", config.jobName);
        return new Running(env.executeAsync(config.jobName), "http://127.0.0.1:" + restPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
