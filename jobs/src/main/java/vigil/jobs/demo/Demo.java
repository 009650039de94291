package vigil.jobs.demo;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.jobs.ops.LocalClusters;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.extension.VigilExtension;
import vigil.jobs.generator.GeneratorSettings;
import vigil.jobs.generator.TrafficGenerator;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.TopicAdmin;
import vigil.schemas.streams.StreamId;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The local demo: an embedded KRaft broker on 127.0.0.1, Vigil's topics, the scoring job on a local
 * MiniCluster with RocksDB and checkpoints, and synthetic traffic, with a live summary.
 */
public final class Demo {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final VigilConfig config;
    private final GeneratorSettings traffic;
    private final Duration duration;
    private final boolean json;
    private final PrintStream out;

    public Demo(VigilConfig config, GeneratorSettings traffic, Duration duration, boolean json, PrintStream out) {
        this.config = config;
        this.traffic = traffic;
        this.duration = duration;
        this.json = json;
        this.out = out;
    }

    public void run() throws Exception {
        Path workDir = Files.createTempDirectory("vigil-demo");
        // a demo without --duration ends with Ctrl-C, which skips the finally below
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteDirectoryQuietly(workDir.toFile())));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"))) {
            runOn(kafka, workDir);
        } finally {
            FileUtils.deleteDirectoryQuietly(workDir.toFile());
        }
    }

    private void runOn(EmbeddedKafka kafka, Path workDir) throws Exception {
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.checkpoints.directory = workDir.resolve("checkpoints").toUri().toString();
        TopicAdmin.createAll(config, config.parallelism, (short) 1);
        log("Kafka (KRaft) on " + kafka.bootstrapServers() + ", topics created; starting the scoring job");

        JobClient job = startJob();
        try (AutoCloseable extensions = VigilExtension.startAllWithDemo(config, this::log)) {
            runJob(job);
        }
    }

    private void runJob(JobClient job) throws Exception {
        OutputMonitor monitor = new OutputMonitor(config);
        TrafficProducer producer = new TrafficProducer(config, new TrafficGenerator(traffic), traffic.startTime());
        Thread monitorThread = start(monitor, "vigil-demo-monitor");
        Thread producerThread = start(producer, "vigil-demo-traffic");
        try {
            report(producer, monitor);
            producer.stop();
            producerThread.join(10_000);
            awaitQuiet(monitor);
            monitor.takeAlertLines().forEach(this::log);
        } finally {
            producer.stop();
            job.cancel().get();
            monitor.stop();
            monitorThread.join(5_000);
        }
        long seconds = duration == null ? 0 : duration.toSeconds();
        out.println(json ? DemoSummary.json(seconds, producer.sent(), producer.malformedSent(), monitor.counts())
                : DemoSummary.text(seconds, producer.sent(), producer.malformedSent(), monitor.counts()));
    }

    private JobClient startJob() throws Exception {
        Configuration flink = LocalClusters.configuration(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism, flink);
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wireKafka(env);
        return env.executeAsync(config.jobName);
    }

    /** Prints a line every few seconds until the duration is over (or forever without one). */
    private void report(TrafficProducer producer, OutputMonitor monitor) throws InterruptedException {
        long start = System.nanoTime();
        Map<StreamId, Long> before = producer.sent();
        boolean erasureRequested = false;
        while (duration == null || System.nanoTime() - start < duration.toNanos()) {
            long left = duration == null ? Long.MAX_VALUE : duration.toMillis() - (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(Math.max(1, Math.min(REPORT_EVERY.toMillis(), left)));
            Map<StreamId, Long> now = producer.sent();
            monitor.takeAlertLines().forEach(this::log);
            log(DemoSummary.line((System.nanoTime() - start) / 1_000_000_000L, now, before,
                    REPORT_EVERY.toMillis() / 1000.0, monitor.counts()));
            before = now;
            if (!erasureRequested && (duration == null || System.nanoTime() - start > duration.toNanos() / 2)) {
                producer.eraseNextCaller();
                erasureRequested = true;
            }
        }
    }

    /** Outputs appear when a checkpoint commits: wait until they stop changing. */
    private void awaitQuiet(OutputMonitor monitor) throws InterruptedException {
        long interval = config.checkpoints.interval.toMillis();
        long deadline = System.currentTimeMillis() + 6 * interval + 10_000;
        OutputMonitor.Counts last = monitor.counts();
        Thread.sleep(interval);
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(interval + 1_000);
            OutputMonitor.Counts now = monitor.counts();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
        LOG.warn("Outputs were still changing when the demo stopped");
    }

    private void log(String line) {
        (json ? System.err : out).println(line);
    }

    private static Thread start(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
