package vigil.jobs.eval;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.FileUtils;
import vigil.jobs.ops.LocalClusters;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.SpikeAlerts;
import vigil.jobs.config.VigilConfig;
import vigil.operators.decode.RawRecord;
import vigil.schemas.Alert;
import vigil.schemas.TopicSignal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Runs a scenario's traffic through the real scoring job (RocksDB, checkpoints) on a local
 * MiniCluster, in event time, as fast as the machine allows, and returns the alerts it raised.
 */
public final class AlertEvaluation {
    private final VigilConfig config;

    public AlertEvaluation(VigilConfig config) {
        this.config = config;
    }

    public Result run(Scenario scenario) throws Exception {
        return run(scenario, null);
    }

    /** As {@link #run(Scenario)}; with {@code recordSignals}, also saves the complaint signals there for {@link #replay}. */
    public Result run(Scenario scenario, Path recordSignals) throws Exception {
        scenario.validate();
        Path checkpoints = Files.createTempDirectory("vigil-eval");
        AlertCollector alerts = new AlertCollector("eval-" + UUID.randomUUID());
        SignalRecorder recorder = recordSignals == null ? null
                : new SignalRecorder("signals-" + UUID.randomUUID(), config.spikeSignals());
        try {
            config.checkpoints.directory = checkpoints.toUri().toString();
            // Aligned checkpoints only: with the collection source (a legacy source) unaligned checkpoints stalled
            // here (the source thread waits for a network buffer while holding the checkpoint lock, the tasks
            // downstream sit idle) until the checkpoint expired and the job restarted.
            config.checkpoints.alignedTimeout = java.time.Duration.ZERO;
            Configuration flink = LocalClusters.configuration(config);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism, flink);
            ScoringJob job = new ScoringJob(config);
            job.configure(env);
            // The bounded input starts again from its beginning on a restart: a checkpoint expiring on a loaded
            // machine must not restart the run.
            env.getCheckpointConfig().setTolerableCheckpointFailureNumber(Integer.MAX_VALUE);
            if (recorder != null) {
                // The signals do not depend on where state lives; on this shared machine RocksDB compaction
                // starved the rest of the job (minutes per simulated hour).
                env.setStateBackend(new HashMapStateBackend());
            }
            job.wire(env.fromCollection(new ScenarioInput(scenario), TypeInformation.of(RawRecord.class))
                            .name("scenario traffic"),
                    new Outputs(new DiscardingSink<>(), recorder == null ? new DiscardingSink<>() : recorder,
                            new DiscardingSink<>(), new DiscardingSink<>(), alerts));
            long start = System.nanoTime();
            env.execute("eval-alerts " + scenario.name);
            Result result = new Result(alerts.alerts(), (System.nanoTime() - start) / 1_000_000L);
            if (recorder != null) {
                recorder.save(recordSignals);
            }
            return result;
        } finally {
            alerts.release();
            if (recorder != null) {
                recorder.release();
            }
            FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
        }
    }

    /**
     * Runs only the spike detector (heap state, parallelism 1) on complaint signals recorded by an earlier
     * run, with the job's watermark bound: seconds instead of minutes, for tuning the detector. Figures
     * to report come from {@link #run}.
     */
    public Result replay(Path recordedSignals) throws Exception {
        return replay(SignalRecorder.load(recordedSignals));
    }

    /**
     * As {@link #replay(Path)}, on Poisson signals at {@code scale} times the rates measured in the recording
     * ({@link PoissonSignals}): the detector against the complaint rate, for a table, not an end-to-end figure.
     */
    public Result replayPoisson(Scenario scenario, Path recordedSignals, double scale) throws Exception {
        return replay(PoissonSignals.generate(scenario, SignalRecorder.load(recordedSignals), scale, scenario.seed));
    }

    /** As {@link #replay(Path)}, on the given complaint signals (in event-time order). */
    public Result replay(List<TopicSignal> signals) throws Exception {
        AlertCollector alerts = new AlertCollector("replay-" + UUID.randomUUID());
        long bound = config.eventTime.outOfOrderness.toMillis();
        try {
            Configuration flink = LocalClusters.configuration(config);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, flink);
            SpikeAlerts.detect(env.fromCollection(signals, new AvroTypeInfo<>(TopicSignal.class)).name("recorded signals")
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<TopicSignal>forGenerator(context ->
                                    new EveryEventWatermarks(bound))
                            .withTimestampAssigner((signal, previous) -> signal.getTimestamp())),
                    config.spikeSettings()).sinkTo(alerts);
            long start = System.nanoTime();
            env.execute("replay-alerts");
            return new Result(alerts.alerts(), (System.nanoTime() - start) / 1_000_000L);
        } finally {
            alerts.release();
        }
    }

    /**
     * The job's watermark bound, but advanced with every signal: periodic watermarks come every 200 ms of
     * wall-clock time, minutes of event time in a replay, and timers would fire late in batches.
     */
    private static final class EveryEventWatermarks implements WatermarkGenerator<TopicSignal> {
        private final long bound;
        private long max = Long.MIN_VALUE;

        EveryEventWatermarks(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(TopicSignal signal, long timestamp, WatermarkOutput output) {
            if (timestamp > max) {
                max = timestamp;
                output.emitWatermark(new Watermark(max - bound - 1));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** The alerts raised and the wall-clock time the run took. */
    public record Result(List<Alert> alerts, long wallMillis) {}
}
