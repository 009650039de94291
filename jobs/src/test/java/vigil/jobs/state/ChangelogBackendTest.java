package vigil.jobs.state;

import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.runtime.jobgraph.RestoreMode;
import org.apache.flink.runtime.jobgraph.SavepointConfigOptions;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.junit.jupiter.api.Test;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.ops.LocalClusters;
import vigil.jobs.ops.Savepoints;

import static org.assertj.core.api.Assertions.assertThat;

class ChangelogBackendTest {
    @Test
    void theEmbeddedClusterWritesTheChangelogUnderTheCheckpointDirectory() {
        VigilConfig config = new VigilConfig();
        config.localCluster.changelog = true;
        config.checkpoints.directory = "s3://bucket/vigil/checkpoints";
        Configuration flink = LocalClusters.configuration(config);

        assertThat(ChangelogBackend.enabled(flink)).isTrue();
        assertThat(flink.getString(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE.key(), null)).isEqualTo("filesystem");
        assertThat(flink.getString(FsStateChangelogOptions.BASE_PATH.key(), null)).isEqualTo("s3://bucket/vigil/checkpoints/changelog");
    }

    @Test
    void itsOwnFlinkOptionsOverrideAndTurnItOff() {
        VigilConfig config = new VigilConfig();
        config.localCluster.changelog = true;
        config.localCluster.configuration.put(FsStateChangelogOptions.BASE_PATH.key(), "file:///elsewhere");
        assertThat(LocalClusters.configuration(config).getString(FsStateChangelogOptions.BASE_PATH.key(), null)).isEqualTo("file:///elsewhere");

        config.localCluster.configuration.put("state.backend.changelog.enabled", "false");
        assertThat(ChangelogBackend.enabled(LocalClusters.configuration(config))).isFalse();
        config.localCluster.changelog = false;
        config.localCluster.configuration.clear();
        assertThat(LocalClusters.configuration(config).containsKey(FsStateChangelogOptions.BASE_PATH.key())).isFalse();
    }

    @Test
    void aChangelogJobIsRestoredInLegacyModeAnyOtherInNoClaim() {
        Configuration changelog = ChangelogBackend.options("file:///tmp/checkpoints");
        Configuration restore = Savepoints.restoreFrom("file:///tmp/sp/savepoint-1", true, changelog);
        SavepointRestoreSettings settings = SavepointRestoreSettings.fromConfiguration(restore);

        assertThat(settings.getRestorePath()).isEqualTo("file:///tmp/sp/savepoint-1");
        assertThat(settings.allowNonRestoredState()).isTrue();
        assertThat(restore.get(SavepointConfigOptions.RESTORE_MODE)).isEqualTo(RestoreMode.LEGACY);
        assertThat(Savepoints.restoreFrom("file:///tmp/sp/savepoint-1", false, new Configuration())
                .get(SavepointConfigOptions.RESTORE_MODE)).isEqualTo(RestoreMode.NO_CLAIM);
    }
}
