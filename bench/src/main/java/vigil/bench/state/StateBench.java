package vigil.bench.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.SharedStateRegistryImpl;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.config.VigilConfig;
import vigil.schemas.CustomerEvent;
import vigil.schemas.FeatureValues;
import vigil.schemas.LabelHistory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./vigil bench-state}: per-customer state at scale. A sample of customers gets synthetic
 * histories through the real decoder, text analysis, customer state and churn scoring (RocksDB); their
 * states are then written for every one of {@code --customers} customers (sample customer i mod S)
 * into fresh RocksDB instances of the same two operators, with the churn history's timer; then a
 * first (full) checkpoint, a change of {@code --changed} customers, an incremental checkpoint, and a
 * restore from each checkpoint (the incremental one after registering both with Flink's shared state
 * registry, as the checkpoint coordinator does).
 */
@Command(name = "bench-state", mixinStandardHelpOptions = true,
        description = "Per-customer state at scale in RocksDB: bytes per customer, full and incremental checkpoint, restore.")
public final class StateBench implements Callable<Integer> {
    @Option(names = "--customers", defaultValue = "1000000", description = "(default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--sample", defaultValue = "2000", description = "customers given real histories (default: ${DEFAULT-VALUE})")
    int sample;

    @Option(names = "--records", defaultValue = "50000", description = "generator records for the sample (default: ${DEFAULT-VALUE})")
    long records;

    @Option(names = "--changed", defaultValue = "20000", description = "customers changed before the incremental checkpoint (default: ${DEFAULT-VALUE})")
    int changed;

    @Option(names = "--seed", defaultValue = "7", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object (progress goes to stderr)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream log = json ? System.err : System.out;
        Path work = Files.createTempDirectory("vigil-bench-state");
        try {
            ObjectNode result = run(work, log);
            System.out.println(json ? result.toString() : StateTable.of(result));
        } finally {
            FileUtils.deleteDirectoryQuietly(work.toFile());
        }
        return 0;
    }

    ObjectNode run(Path work, PrintStream log) throws Exception {
        VigilConfig config = new VigilConfig();
        ObjectNode r = new ObjectMapper().createObjectNode();
        r.put("customers", customers);
        r.put("load", load());
        long t = System.nanoTime();
        List<CustomerEvent> events = SampleCustomers.events(config, sample, records, seed);
        List<OperatorPair.Customer> samples;
        try (OperatorPair pair = OperatorPair.open(config, work.resolve("sample"))) {
            for (CustomerEvent event : events) {
                pair.process(event);
            }
            samples = pair.all();
        }
        log.printf("sample: %,d events for %,d customers through the operators in %.1f s%n", events.size(), samples.size(),
                seconds(t));
        r.put("sampleCustomers", samples.size());
        r.put("sampleEvents", events.size());
        serialized(r.putObject("serializedBytesPerCustomer"), samples, config);
        log.println("serialized bytes per customer: " + r.get("serializedBytesPerCustomer"));

        SharedStateRegistryImpl registry = new SharedStateRegistryImpl();
        try (OperatorPair bulk = OperatorPair.open(config, work.resolve("bulk"))) {
            t = System.nanoTime();
            for (int i = 0; i < customers; i++) {
                bulk.write(key(i), samples.get(i % samples.size()));
                if ((i + 1) % 100_000 == 0) {
                    log.printf("  %,d customers written in %.1f s (load %s)%n", i + 1, seconds(t), load());
                }
            }
            r.put("fillSeconds", seconds(t));
            log.printf("wrote %,d customers in %.1f s%n", customers, seconds(t));

            t = System.nanoTime();
            OperatorSubtaskState[] full = bulk.snapshot(1);
            checkpoint(r.putObject("fullCheckpoint"), full, seconds(t));
            bulk.completed(1);
            registry.registerAll(List.of(full), 1);
            long sst = sstBytes(work.resolve("bulk"));
            r.put("sstBytes", sst);
            r.put("sstBytesPerCustomer", (double) sst / customers);
            log.printf("full checkpoint in %.1f s; SST files %,d bytes%n", seconds(t), sst);

            Random random = new Random(seed);
            Map<String, OperatorPair.Customer> changes = new HashMap<>();
            for (int i = 0; i < changed; i++) {
                String key = key(random.nextInt(customers));
                // another sample customer's state, one step later in event time: what an update writes
                OperatorPair.Customer next = later(samples.get(random.nextInt(samples.size())), i + 1);
                bulk.write(key, next);
                changes.put(key, next);
            }
            t = System.nanoTime();
            OperatorSubtaskState[] incremental = bulk.snapshot(2);
            checkpoint(r.putObject("incrementalCheckpoint"), incremental, seconds(t));
            bulk.completed(2);
            // what the checkpoint coordinator does with a completed checkpoint: its placeholders for files
            // uploaded by checkpoint 1 are replaced by those files' handles, so it can be restored
            registry.registerAll(List.of(incremental), 2);
            r.put("changedCustomers", changed);
            log.printf("incremental checkpoint in %.1f s%n", seconds(t));
            bulk.close();

            t = System.nanoTime();
            try (OperatorPair restored = OperatorPair.restore(config, work.resolve("restore"), full)) {
                double restoreSeconds = seconds(t);
                r.put("restoreSeconds", restoreSeconds);
                OperatorPair.Customer last = restored.read(key(customers - 1));
                r.put("restoredCustomerFound", last.state() != null && last.history() != null);
                log.printf("restored the full checkpoint in %.1f s%n", restoreSeconds);
            }
            FileUtils.deleteDirectoryQuietly(work.resolve("restore").toFile());
            t = System.nanoTime();
            try (OperatorPair restored = OperatorPair.restore(config, work.resolve("restore-incremental"), incremental)) {
                double restoreSeconds = seconds(t);
                r.put("incrementalRestoreSeconds", restoreSeconds);
                OperatorPair.Customer last = restored.read(key(customers - 1));
                boolean changesFound = true;
                for (Map.Entry<String, OperatorPair.Customer> change : changes.entrySet()) {
                    OperatorPair.Customer read = restored.read(change.getKey());
                    changesFound &= change.getValue().history().equals(read.history())
                            && change.getValue().expiry().equals(read.expiry());
                }
                r.put("incrementalRestoredCustomerFound", last.state() != null && last.history() != null);
                r.put("incrementalRestoredChangesFound", changesFound);
                log.printf("restored the incremental checkpoint in %.1f s (then read back %,d changed customers)%n",
                        restoreSeconds, changes.size());
            }
        } finally {
            registry.close();
        }
        r.put("loadAfter", load());
        return r;
    }

    private static void serialized(ObjectNode node, List<OperatorPair.Customer> samples, VigilConfig config) throws Exception {
        long[] sum = new long[4];
        long snapshots = 0;
        Path dir = Files.createTempDirectory("vigil-bench-sizes");
        try (OperatorPair sizes = OperatorPair.open(config, dir)) {
            for (OperatorPair.Customer c : samples) {
                long[] bytes = sizes.serializedBytes(c);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += bytes[i];
                }
                snapshots += c.snapshots();
            }
        } finally {
            FileUtils.deleteDirectoryQuietly(dir.toFile());
        }
        int n = samples.size();
        node.put("customerState", (double) sum[0] / n);
        node.put("publishedChurn", (double) sum[1] / n);
        node.put("featureHistory", (double) sum[2] / n);
        node.put("historyExpiry", (double) sum[3] / n);
        node.put("total", (double) (sum[0] + sum[1] + sum[2] + sum[3]) / n);
        node.put("historySnapshotsPerCustomer", (double) snapshots / n);
    }

    private static void checkpoint(ObjectNode node, OperatorSubtaskState[] states, double seconds) {
        long size = 0;
        long checkpointed = 0;
        for (OperatorSubtaskState s : states) {
            size += s.getStateSize();
            checkpointed += s.getCheckpointedSize();
        }
        node.put("seconds", seconds);
        node.put("stateBytes", size);
        node.put("checkpointedBytes", checkpointed);
    }

    private static long sstBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".sst") && p.toString().contains("/db/"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The customer's state with one more snapshot, {@code step} ms after its newest, and the expiry moved with it. */
    static OperatorPair.Customer later(OperatorPair.Customer c, long step) {
        if (c.history() == null || c.history().getSnapshots().isEmpty()) {
            return c;
        }
        List<FeatureValues> snapshots = new ArrayList<>(c.history().getSnapshots());
        FeatureValues newest = snapshots.get(snapshots.size() - 1);
        snapshots.add(new FeatureValues(newest.getAsOf() + step, new ArrayList<>(newest.getValues())));
        snapshots.remove(0); // as many snapshots as before: a customer whose history is full
        LabelHistory history = new LabelHistory(c.history().getSpecFingerprint(), snapshots);
        return new OperatorPair.Customer(c.state(), c.published(), history, c.expiry() == null ? null : c.expiry() + step);
    }

    static String key(int i) {
        return String.format("B%07d", i);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StateBench()).execute(args));
    }
}
