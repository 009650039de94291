package vigil.jobs.state;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointRocksDbOptionsTest {
    static {
        RocksDB.loadLibrary();
    }

    @Test
    void defaultsLeaveRocksDbAsFlinkSetsItUp() {
        try (DBOptions options = new DBOptions()) {
            int compactions = options.maxBackgroundCompactions();
            int flushes = options.maxBackgroundFlushes();
            new CheckpointRocksDbOptions().createDBOptions(options, new ArrayList<>());

            assertThat(options.atomicFlush()).isFalse();
            assertThat(options.maxBackgroundFlushes()).isEqualTo(flushes);
            assertThat(options.maxBackgroundCompactions()).isEqualTo(compactions);
        }
    }

    @Test
    void zeroFlushesLeavesRocksDbsChoice() {
        try (DBOptions options = new DBOptions()) {
            int flushes = options.maxBackgroundFlushes();
            new CheckpointRocksDbOptions(false, 0).createDBOptions(options, new ArrayList<>());

            assertThat(options.atomicFlush()).isFalse();
            assertThat(options.maxBackgroundFlushes()).isEqualTo(flushes);
        }
    }

    @Test
    void readsItsSettingsFromTheFlinkConfiguration() {
        Configuration flink = new Configuration();
        flink.setString("vigil.rocksdb.atomic-flush", "true");
        flink.setString("vigil.rocksdb.max-background-flushes", "3");
        CheckpointRocksDbOptions configured = (CheckpointRocksDbOptions) new CheckpointRocksDbOptions().configure(flink);

        try (DBOptions options = new DBOptions(); ColumnFamilyOptions columns = new ColumnFamilyOptions()) {
            configured.createDBOptions(options, new ArrayList<>());

            assertThat(options.atomicFlush()).isTrue();
            assertThat(options.maxBackgroundFlushes()).isEqualTo(3);
            assertThat(configured.createColumnOptions(columns, new ArrayList<>())).isSameAs(columns);
        }
    }

    @Test
    void unconfiguredItKeepsItsDefaults() {
        CheckpointRocksDbOptions configured = (CheckpointRocksDbOptions) new CheckpointRocksDbOptions().configure(new Configuration());

        assertThat(configured.atomicFlush()).isFalse();
        assertThat(configured.maxBackgroundFlushes()).isZero();
    }
}
