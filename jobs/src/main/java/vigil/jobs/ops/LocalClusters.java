package vigil.jobs.ops;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.state.ChangelogBackend;

/**
 * The Flink configuration of the cluster Vigil starts in its own JVM (`run` without a cluster, `demo`,
 * `eval-alerts`, the benchmarks): its REST endpoint on 127.0.0.1 only, the configured managed memory
 * for RocksDB, the changelog state backend if {@code localCluster.changelog} is on, and any further
 * settings of {@code localCluster.configuration}.
 */
public final class LocalClusters {
    private LocalClusters() {}

    public static Configuration configuration(VigilConfig config) {
        Configuration flink = new Configuration();
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(config.localCluster.managedMemory));
        if (config.localCluster.changelog) {
            flink.addAll(ChangelogBackend.options(config.checkpoints.directory));
        }
        config.localCluster.configuration.forEach(flink::setString);
        return flink;
    }
}
