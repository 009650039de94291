package vigil.jobs.ops;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.RestoreMode;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.jobs.state.ChangelogBackend;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Upgrading through savepoints where Vigil runs the job itself (README: State compatibility and
 * upgrades): start from a savepoint, and stop with one. Under `flink run` Flink's own `-s` and
 * `flink stop --savepointPath` do the same.
 */
public final class Savepoints {
    private static final Logger LOG = LoggerFactory.getLogger(Savepoints.class);

    private Savepoints() {}

    /**
     * The execution configuration that restores a job running with {@code flink} (the job's Flink
     * configuration) from a savepoint (or retained checkpoint); with {@code allowNonRestoredState} state of
     * operators no longer in the job is skipped instead of failing the start. A job with the changelog state
     * backend is restored in {@link ChangelogBackend#RESTORE_MODE}, any other in Flink's default
     * ({@code NO_CLAIM}).
     */
    public static Configuration restoreFrom(String path, boolean allowNonRestoredState, ReadableConfig flink) {
        RestoreMode mode = ChangelogBackend.restoreMode(flink);
        Configuration configuration = new Configuration();
        SavepointRestoreSettings.toConfiguration(SavepointRestoreSettings.forPath(path, allowNonRestoredState, mode),
                configuration);
        LOG.info("restoring from {} in {} mode", path, mode);
        return configuration;
    }

    /**
     * Stops the job with a savepoint in {@code directory}: sources stop, a last savepoint is taken
     * and committed (the exactly-once sinks commit their last transactions with it), the job finishes.
     * Returns the savepoint's path.
     */
    public static String stopWithSavepoint(JobClient job, String directory, Duration timeout) throws Exception {
        String path = job.stopWithSavepoint(false, directory, SavepointFormatType.CANONICAL)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("job {} stopped with savepoint {}", job.getJobID(), path);
        return path;
    }

    /** A JVM shutdown hook (Ctrl-C, SIGTERM) that stops the job with a savepoint and prints its path. */
    public static Thread stopOnShutdown(JobClient job, String directory) {
        Thread hook = new Thread(() -> {
            try {
                String path = stopWithSavepoint(job, directory, Duration.ofMinutes(5));
                System.out.println("savepoint: " + path);
            } catch (Exception e) {
                LOG.error("could not stop job {} with a savepoint in {}", job.getJobID(), directory, e);
                System.err.println("vigil: no savepoint taken: " + e);
            }
        }, "vigil-stop-with-savepoint");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
