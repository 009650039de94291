package vigil.bench.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny run of the whole harness: it must produce a complete result. No timing is asserted. */
class LoadRunTest {
    @Test
    void tinyRunProducesACompleteResult() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LoadResult result = LoadRun.run(new LoadRun.Settings(8, 40, 1_500, 300, 3, "../etc/rules", 1, false, null),
                new PrintStream(log, true));

        assertThat(result.scoringMax().consumed()).isPositive();
        assertThat(result.scoringMax().perSecond()).isPositive();
        assertThat(result.passMax().consumed()).isBetween(1L, 1_500L);
        assertThat(result.passMax().perSecond()).isPositive();
        assertThat(result.ratio()).isPositive();
        assertThat(result.scoringLatency().sent()).isPositive();
        assertThat(result.scoringLatency().visible().get("event → score").count()).isPositive();
        assertThat(result.scoringLatency().emitted().get("event → score").count()).isPositive();
        assertThat(result.scoringLatency().visible().get("event → score").percentile(50)).isNotNegative();
        assertThat(result.passLatency().visible().get("event → pass-through").count()).isPositive();
        // Flink's checkpoint statistics were read from the MiniCluster's REST API: one row per operator chain
        assertThat(result.scoringLatency().checkpoints().rows()).extracting(CheckpointStats.Row::chain)
                .contains("customer state", "next-best-action (+2)");
        assertThat(result.passLatency().checkpoints().rows()).isNotEmpty();
        assertThat(result.table()).contains("scoring / pass-through", "p99", "event → score, visible (read_committed)",
                "operator chain (slowest subtask, ms)");
        assertThat(result.json()).contains("\"ratio\"", "\"p99\"");
    }
}
