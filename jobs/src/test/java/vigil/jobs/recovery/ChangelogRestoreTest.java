package vigil.jobs.recovery;

import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.ops.LocalClusters;
import vigil.jobs.ops.Savepoints;
import vigil.jobs.state.ChangelogBackend;
import vigil.jobs.testing.Checkpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a job on the embedded cluster with {@code localCluster.changelog} on (Vigil's RocksDB backend and
 * checkpoint settings from {@link ScoringJob#configure}; RocksDB materialized every second, so the restored
 * job materializes within the test) that counts records per key in keyed state, when it is stopped with a
 * savepoint and restored through Vigil's restore path ({@link LocalClusters}, {@link Savepoints#restoreFrom}),
 * then the counts continue exactly where they were, checkpoints after the restore complete (in Flink's
 * default NO_CLAIM mode the first one fails) and the savepoint is still there after the restored job's
 * materializations (in CLAIM mode Flink deletes it); and the same again from the restored job's last
 * retained checkpoint.
 */
class ChangelogRestoreTest {
    private static final int KEYS = 4;
    static final Queue<Tuple3<Integer, Long, Long>> OUTPUTS = new ConcurrentLinkedQueue<>();
    static final AtomicInteger COMPLETED = new AtomicInteger();

    @Test
    void aChangelogJobRestoresFromItsSavepointAndCheckpointsAfterwards() throws Exception {
        VigilConfig config = new VigilConfig();
        config.localCluster.changelog = true;
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        config.checkpoints.interval = Duration.ofMillis(300);
        config.checkpoints.restartAttempts = 0;
        config.localCluster.configuration.put("state.backend.changelog.periodic-materialize.interval", "1 s");
        Configuration flink = LocalClusters.configuration(config);
        assertThat(ChangelogBackend.restoreMode(flink)).isEqualTo(ChangelogBackend.RESTORE_MODE);

        JobClient first = start(config, flink);
        waitFor(() -> COMPLETED.get() >= 2 && OUTPUTS.size() >= 40, "two checkpoints and outputs of the first job");
        String savepoint = Savepoints.stopWithSavepoint(first, Checkpoints.directory().toUri().toString(), Duration.ofMinutes(1));
        long firstMax = maxSeq();
        try (Stream<Path> changelog = Files.walk(Path.of(java.net.URI.create(config.checkpoints.directory)).resolve("changelog"))) {
            assertThat(changelog.filter(Files::isRegularFile)).as("the changelog is written under the checkpoint directory").isNotEmpty();
        }

        List<Tuple3<Integer, Long, Long>> restored = runRestored(config, flink, savepoint, firstMax);
        assertThat(restored).as("the restored job resumed after the savepoint's records, with their counts").isNotEmpty()
                .allSatisfy(t -> assertThat(t.f1).isGreaterThan(firstMax / 2));
        assertThat(Path.of(java.net.URI.create(savepoint)).resolve("_metadata"))
                .as("the savepoint outlives the restored job's materializations (restored in LEGACY, not CLAIM, mode)").exists();

        String retained = latestCheckpoint(config);
        long secondMax = maxSeq();
        runRestored(config, flink, retained, secondMax);

        assertThat(OUTPUTS).as("every count equals the records of its key so far: state restored exactly, twice")
                .allSatisfy(t -> assertThat(t.f2).as("count of %s", t).isEqualTo(t.f1 / KEYS + 1));
    }

    /** Restores a job from {@code path}, waits for its outputs past {@code after} and two completed checkpoints, cancels it. */
    private static List<Tuple3<Integer, Long, Long>> runRestored(VigilConfig config, Configuration flink, String path, long after)
            throws Exception {
        int before = OUTPUTS.size();
        COMPLETED.set(0);
        long start = System.nanoTime();
        Configuration restore = new Configuration(flink);
        restore.addAll(Savepoints.restoreFrom(path, false, flink));
        JobClient job = start(config, restore);
        try {
            waitFor(() -> COMPLETED.get() >= 6 && maxSeq() > after + 40 && System.nanoTime() - start > 4e9,
                    "six checkpoints and four seconds (materializations) after the restore from " + path);
        } finally {
            cancelQuietly(job);
        }
        return new ArrayList<>(OUTPUTS).subList(before, OUTPUTS.size());
    }

    /** Cancels the job unless it already ended (a failed job has shut its MiniCluster down). */
    private static void cancelQuietly(JobClient job) {
        try {
            job.cancel().get();
        } catch (Exception e) {
            // the job failed before: the assertion above has said why
        }
    }

    private static JobClient start(VigilConfig config, Configuration flink) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        new ScoringJob(config).configure(env);
        env.setParallelism(1);
        env.addSource(new Sequence()).uid("sequence")
                .keyBy(seq -> (int) (seq % KEYS), Types.INT)
                .process(new CountPerKey()).uid("count-per-key")
                .addSink(new Collect()).uid("collect");
        return env.executeAsync("changelog-restore-test");
    }

    private static long maxSeq() {
        return OUTPUTS.stream().mapToLong(t -> t.f1).max().orElse(-1);
    }

    private static String latestCheckpoint(VigilConfig config) throws Exception {
        try (Stream<Path> paths = Files.walk(Path.of(java.net.URI.create(config.checkpoints.directory)), 2)) {
            return paths.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong((Path p) -> p.toFile().lastModified())
                            .thenComparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .orElseThrow().toUri().toString();
        }
    }

    private static void waitFor(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("%s within 60 s (completed checkpoints %s, outputs %s)", what,
                COMPLETED.get(), OUTPUTS.size()).isTrue();
    }

    /** 0, 1, 2, ... about 500 a second; its position is operator state. */
    static final class Sequence implements SourceFunction<Long>, CheckpointedFunction {
        private volatile boolean running = true;
        private transient ListState<Long> position;
        private long next;

        @Override
        public void run(SourceContext<Long> out) throws Exception {
            while (running) {
                synchronized (out.getCheckpointLock()) {
                    out.collect(next++);
                }
                Thread.sleep(2);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            position.update(List.of(next));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Types.LONG));
            for (Long p : position.get()) {
                next = p;
            }
        }
    }

    /** Counts records per key in keyed state; emits (key, record, count); counts completed checkpoints. */
    static final class CountPerKey extends KeyedProcessFunction<Integer, Long, Tuple3<Integer, Long, Long>>
            implements CheckpointListener {
        private transient ValueState<Long> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long seq, Context context, Collector<Tuple3<Integer, Long, Long>> out) throws Exception {
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(Tuple3.of(context.getCurrentKey(), seq, n));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }
    }

    static final class Collect implements SinkFunction<Tuple3<Integer, Long, Long>> {
        @Override
        public void invoke(Tuple3<Integer, Long, Long> value, Context context) {
            OUTPUTS.add(value);
        }
    }
}
