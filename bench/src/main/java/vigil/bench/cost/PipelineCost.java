package vigil.bench.cost;

import com.sun.management.OperatingSystemMXBean;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.ops.LocalClusters;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.eval.DiscardingSink;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.TrafficGenerator;
import vigil.bench.load.TrafficWriter;
import vigil.operators.decode.RawRecord;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./vigil bench-cost}: the scoring job's CPU cost per record without Kafka: the generator's mixed
 * traffic from memory through the real job (RocksDB, checkpoints) into discarding sinks, timed by wall
 * clock and by the process's CPU time (which a loaded machine disturbs far less than throughput).
 */
@Command(name = "bench-cost", mixinStandardHelpOptions = true,
        description = "CPU time per record of the scoring job on in-memory synthetic traffic (no Kafka).")
public final class PipelineCost implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "100000", description = "records (default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--customers", defaultValue = "20000", description = "(default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--config", paramLabel = "FILE", description = "Vigil YAML to start from (default: built-in defaults)")
    String config;

    @Option(names = "--runs", defaultValue = "1", description = "runs, each on the same records (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--top", defaultValue = "14", description = "thread groups listed per run (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--heap-state", description = "state on the heap instead of RocksDB (to see what RocksDB costs)")
    boolean heapState;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Flink configuration for the local cluster, e.g. -D taskmanager.memory.managed.size=1g")
    java.util.Map<String, String> flinkOptions = new java.util.HashMap<>();

    @Override
    public Integer call() throws Exception {
        TrafficGenerator generator = new TrafficGenerator(TrafficWriter.traffic(customers, 42, 200, System.currentTimeMillis() - 86_400_000L));
        List<RawRecord> records = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            GeneratedRecord r = generator.next();
            records.add(new RawRecord(r.stream().defaultTopic(), 0, i, r.timestamp(),
                    r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8), r.value()));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < runs; run++) {
            VigilConfig vigil = config == null ? new VigilConfig() : ConfigLoader.load(Path.of(config));
            vigil.jobName = "bench-cost";
            vigil.checkpoints.directory = Files.createTempDirectory("vigil-cost").toUri().toString();
            vigil.checkpoints.alignedTimeout = java.time.Duration.ZERO;
            Configuration flink = LocalClusters.configuration(vigil);
            flinkOptions.forEach(flink::setString);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(vigil.parallelism, flink);
            ScoringJob job = new ScoringJob(vigil);
            job.configure(env);
            if (heapState) {
                env.setStateBackend(new org.apache.flink.runtime.state.hashmap.HashMapStateBackend());
            }
            job.wire(env.fromCollection(records, TypeInformation.of(RawRecord.class)).name("records"),
                    new Outputs(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(),
                            new DiscardingSink<>(), new DiscardingSink<>())
                            .withRuleStatus(new DiscardingSink<>()).withActions(new DiscardingSink<>(), new DiscardingSink<>()));
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            ThreadCpu threads = new ThreadCpu();
            env.execute("bench-cost");
            threads.close();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            threads.byGroup().entrySet().stream().limit(top).forEach(e -> System.out.printf("  %6.0f µs/record  %s%n",
                    e.getValue() * 1e6 / events, e.getKey()));
            System.out.printf("run %d: %,d records in %.1f s wall (%,.0f records/s), %.1f s CPU: %.0f µs CPU per record; load %s%n",
                    run + 1, events, wall, events / wall, cpu, cpu * 1e6 / events, load());
        }
        return 0;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineCost()).execute(args));
    }
}
