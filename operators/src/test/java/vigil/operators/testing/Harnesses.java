package vigil.operators.testing;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Starts operator test harnesses the way every stateful operator test here does. */
public final class Harnesses {
    private Harnesses() {}

    /**
     * Sets the state backend (RocksDB with incremental checkpoints, or the default heap backend),
     * restores from a snapshot when one is given, opens the harness and returns it.
     */
    public static <H extends AbstractStreamOperatorTestHarness<?>> H start(H harness, OperatorSubtaskState restoreFrom,
                                                                          boolean rocksDb) throws Exception {
        if (rocksDb) {
            harness.setStateBackend(new EmbeddedRocksDBStateBackend(true));
        }
        if (restoreFrom == null) {
            harness.setup();
        } else {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }
}
