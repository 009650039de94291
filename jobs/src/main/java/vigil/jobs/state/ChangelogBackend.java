package vigil.jobs.state;

import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.jobgraph.RestoreMode;

/**
 * Flink's changelog state backend (log-based incremental checkpoints) for Vigil: a checkpoint uploads
 * the state changes since the last one instead of taking RocksDB's native checkpoint, whose memtable
 * flush stalls every keyed operator's task thread (README: Performance, the checkpoint tail). RocksDB is
 * materialized in the background (every 10 minutes by default). The changelog (DSTL) is written to
 * {@code <checkpoint directory>/changelog}, as durable as the checkpoints.
 *
 * <p>A job with the changelog cannot be restored in Flink's default {@code NO_CLAIM} mode (its first
 * checkpoint after the restore fails: the changelog cannot take the full snapshot that mode demands), so
 * Vigil restores it in {@link #RESTORE_MODE}: {@code LEGACY}, not {@code CLAIM}, because in {@code CLAIM}
 * mode Flink owns the savepoint and deletes it once the restored job's first materialization no longer
 * needs it (minutes after an upgrade), which takes away the savepoint a user keeps to roll back. In
 * {@code LEGACY} mode Flink never deletes it; the user must keep it while the new job's checkpoints may
 * still refer to it (README: State compatibility and upgrades).
 */
public final class ChangelogBackend {
    /** The restore mode of a job with the changelog (see the class comment and the README). */
    public static final RestoreMode RESTORE_MODE = RestoreMode.LEGACY;

    private ChangelogBackend() {}

    /** The Flink options that turn the changelog on, with its files under the checkpoint directory. */
    public static Configuration options(String checkpointDirectory) {
        Configuration flink = new Configuration();
        flink.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
        flink.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        flink.set(FsStateChangelogOptions.BASE_PATH, basePath(checkpointDirectory));
        return flink;
    }

    public static String basePath(String checkpointDirectory) {
        return new Path(new Path(checkpointDirectory), "changelog").toString();
    }

    public static boolean enabled(ReadableConfig flink) {
        return flink.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG);
    }

    /** How a job with this configuration is restored from a savepoint or retained checkpoint. */
    public static RestoreMode restoreMode(ReadableConfig flink) {
        return enabled(flink) ? RESTORE_MODE : RestoreMode.DEFAULT;
    }
}
