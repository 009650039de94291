package vigil.jobs.recovery;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import vigil.operators.decode.RawRecord;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: passes records on, slowly (so the input lasts over several checkpoints), and on the first
 * {@code failures} execution attempts throws from subtask 0 once a checkpoint has completed in that
 * attempt and {@code afterRecords} more records went through: a task failure mid-stream, after some
 * transactions committed and while others are open. Every injected failure is counted in {@link #INJECTED}.
 */
final class FailureInjector extends RichMapFunction<RawRecord, RawRecord> implements CheckpointListener {
    static final AtomicInteger INJECTED = new AtomicInteger();

    private final int failures;
    private final int afterRecords;
    private final long pauseMillis;
    private transient boolean checkpointed;
    private transient int sinceCheckpoint;

    FailureInjector(int failures, int afterRecords, long pauseMillis) {
        this.failures = failures;
        this.afterRecords = afterRecords;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public RawRecord map(RawRecord record) throws Exception {
        Thread.sleep(pauseMillis);
        boolean armed = getRuntimeContext().getAttemptNumber() < failures
                && getRuntimeContext().getIndexOfThisSubtask() == 0 && checkpointed;
        if (armed && ++sinceCheckpoint >= afterRecords) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("injected failure on attempt " + getRuntimeContext().getAttemptNumber());
        }
        return record;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
