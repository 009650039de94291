package vigil.jobs.state;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.contrib.streaming.state.ConfigurableRocksDBOptionsFactory;
import org.apache.flink.contrib.streaming.state.RocksDBOptionsFactory;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;

/**
 * RocksDB options that shorten the synchronous part of a checkpoint. RocksDB's native checkpoint
 * (what Flink's incremental snapshot takes while the task thread waits) first flushes the memtable of
 * every column family (each state and each timer queue is one): one flush job after another, each
 * waiting its turn in the flush thread pool that all RocksDB instances of the JVM share, and each
 * writing and syncing its file and the manifest. With <b>atomic flush</b> all column families of an
 * instance are flushed by one job with one manifest write (RocksDB's mode for databases without a
 * write-ahead log, which is how Flink runs it); more <b>background flushes</b> let the instances of
 * different operators flush at the same time instead of queueing on one thread.
 * Flink configuration (cluster or {@code localCluster.configuration}):
 * {@code vigil.rocksdb.atomic-flush} (default false), {@code vigil.rocksdb.max-background-flushes}
 * (default 0: RocksDB's own choice, which with Flink's two background jobs is one flush per instance
 * and one flush thread for the whole JVM). Compactions stay at one per instance. Both are off by default:
 * they shorten the synchronous stall, but on a quiet 2-core machine the event-to-score latency was worse
 * with them (README: Performance).
 */
public final class CheckpointRocksDbOptions implements ConfigurableRocksDBOptionsFactory {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointRocksDbOptions.class);

    public static final ConfigOption<Boolean> ATOMIC_FLUSH = ConfigOptions.key("vigil.rocksdb.atomic-flush")
            .booleanType().defaultValue(false)
            .withDescription("Flush all column families of a RocksDB instance in one job (one manifest write per checkpoint).");
    public static final ConfigOption<Integer> MAX_BACKGROUND_FLUSHES = ConfigOptions.key("vigil.rocksdb.max-background-flushes")
            .intType().defaultValue(0)
            .withDescription("Concurrent memtable flushes per RocksDB instance and threads of the shared flush pool; 0: RocksDB's default.");

    private final boolean atomicFlush;
    private final int maxBackgroundFlushes;

    public CheckpointRocksDbOptions() {
        this(ATOMIC_FLUSH.defaultValue(), MAX_BACKGROUND_FLUSHES.defaultValue());
    }

    public CheckpointRocksDbOptions(boolean atomicFlush, int maxBackgroundFlushes) {
        this.atomicFlush = atomicFlush;
        this.maxBackgroundFlushes = maxBackgroundFlushes;
    }

    @Override
    public RocksDBOptionsFactory configure(ReadableConfig configuration) {
        CheckpointRocksDbOptions configured = new CheckpointRocksDbOptions(configuration.get(ATOMIC_FLUSH),
                configuration.get(MAX_BACKGROUND_FLUSHES));
        LOG.info("RocksDB: atomic flush {}, max background flushes {}", configured.atomicFlush, configured.maxBackgroundFlushes);
        return configured;
    }

    @Override
    public DBOptions createDBOptions(DBOptions current, Collection<AutoCloseable> handlesToClose) {
        current.setAtomicFlush(atomicFlush);
        if (maxBackgroundFlushes > 0) {
            current.setMaxBackgroundFlushes(maxBackgroundFlushes);
        }
        return current;
    }

    @Override
    public ColumnFamilyOptions createColumnOptions(ColumnFamilyOptions current, Collection<AutoCloseable> handlesToClose) {
        return current;
    }

    public boolean atomicFlush() {
        return atomicFlush;
    }

    public int maxBackgroundFlushes() {
        return maxBackgroundFlushes;
    }
}
