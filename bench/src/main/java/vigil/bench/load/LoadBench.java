package vigil.bench.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code ./vigil bench}: the end-to-end load benchmark (see the README's Performance section). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Drains a backlog of synthetic mixed traffic with the scoring job and with a pass-through job "
                + "(same source, parallelism, RocksDB, checkpoints, exactly-once sink) on an embedded Kafka broker, "
                + "then runs each at a steady rate and prints throughput, their ratio and latency percentiles.")
public final class LoadBench implements Callable<Integer> {
    @Option(names = "--json", description = "print one JSON object (progress goes to stderr)")
    boolean json;

    @Option(names = "--seconds", defaultValue = "60", description = "length of each phase (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--rate", defaultValue = "0", description = "records/s of the latency phases (default: half the scoring job's measured maximum)")
    double rate;

    @Option(names = "--events", defaultValue = "400000", description = "backlog records (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--customers", defaultValue = "20000", description = "(default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", defaultValue = "42", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rules", defaultValue = "etc/rules", description = "initial rules, for rule alerts (default: ${DEFAULT-VALUE})")
    String rules;

    @Option(names = "--warm-up", defaultValue = "10", description = "seconds left out at the start of each phase (default: ${DEFAULT-VALUE})")
    double warmUp;

    @Option(names = "--config", paramLabel = "FILE", description = "Vigil YAML the scoring job starts from, e.g. to compare settings (default: built-in defaults)")
    String config;

    @Option(names = "--throughput-only", description = "only the backlog phases (for profiling and before/after comparisons)")
    boolean throughputOnly;

    @Option(names = "--latency-only", description = "only the steady-rate phases, at --rate (no backlog phases): for side-by-side latency comparisons")
    boolean latencyOnly;

    @Option(names = "--restore", description = "with --latency-only: after the scoring job's steady-rate phase, cancel it and restart it from"
            + " its latest retained checkpoint (Vigil's restore path), measure the restore, feed it --restore-seconds more;"
            + " the pass-through's steady-rate phase is left out")
    boolean restore;

    @Option(names = "--restore-seconds", defaultValue = "20", description = "traffic after the restart (default: ${DEFAULT-VALUE})")
    double restoreSeconds;

    @Override
    public Integer call() throws Exception {
        if (latencyOnly && rate <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--latency-only needs --rate");
        }
        if (restore && !latencyOnly) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--restore needs --latency-only --rate R");
        }
        LoadResult result = LoadRun.run(new LoadRun.Settings(seconds, rate, events, customers, seed, rules, warmUp, throughputOnly,
                        config, latencyOnly, restore, restoreSeconds),
                json ? System.err : System.out);
        System.out.println(json ? result.json() : result.table());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadBench()).execute(args));
    }
}
