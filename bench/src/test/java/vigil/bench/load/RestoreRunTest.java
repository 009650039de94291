package vigil.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny {@code --latency-only --restore} run: the restore phase must produce complete results. No timing is asserted. */
class RestoreRunTest {
    @Test
    void restorePhaseRestoresTheRetainedCheckpointAndScoresAfterIt(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("vigil.yaml"), "checkpoints:\n  interval: 2 s\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LoadResult result = LoadRun.run(new LoadRun.Settings(6, 40, 0, 300, 3, "../etc/rules", 1, false, config.toString(),
                true, true, 6), new PrintStream(log, true));

        RestoreResult restore = result.restore();
        assertThat(restore).isNotNull();
        // the latest retained checkpoint was found, and it is the one the restored job reports as restored
        assertThat(restore.checkpoint().id()).isPositive();
        assertThat(restore.startup().restoredCheckpointId()).isEqualTo(restore.checkpoint().id());
        assertThat(restore.checkpoint().stateSize()).isPositive();
        // the changelog state backend (the default): keyed state is a materialized part plus the changelog
        assertThat(restore.checkpoint().materializedSize() + restore.checkpoint().changelogSize()).isPositive();
        // every subtask became RUNNING, each after its INITIALIZING phase
        assertThat(restore.startup().chains()).isNotEmpty().allSatisfy(chain -> {
            assertThat(chain.subtasks()).isPositive();
            assertThat(chain.slowestInitializingMs()).isNotNegative();
            assertThat(chain.lastRunningMs()).isPositive();
        });
        assertThat(restore.startup().subtasks())
                .isEqualTo(restore.startup().chains().stream().mapToInt(RestoreProbe.Chain::subtasks).sum());
        assertThat(restore.startup().toAllRunningMs()).isPositive();
        // events sent after the restart were scored by the restored job
        assertThat(restore.firstScoreMs()).isPositive();
        assertThat(restore.after().sent()).isPositive();
        assertThat(restore.after().emitted().get("event → score").count()).isPositive();
        assertThat(restore.after().visible().get("event → score").count()).isPositive();
        assertThat(result.passLatency()).isNull();
        assertThat(result.table()).contains("restored checkpoint", "every subtask RUNNING", "slowest INITIALIZING",
                "first score of an event sent after the restart");
        assertThat(result.json()).contains("\"restore\"", "\"toAllRunningMs\"", "\"changelogBytes\"");
    }
}
