package vigil.bench.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A small run of the state benchmark: every figure is there and both checkpoints restore what was written. */
class StateBenchTest {
    @Test
    void aSmallRunMeasuresEveryPieceAndRestoresBothCheckpoints() throws Exception {
        StateBench bench = new StateBench();
        new CommandLine(bench).parseArgs("--customers", "300", "--sample", "20", "--records", "300", "--changed", "40");
        Path work = Files.createTempDirectory("vigil-state-bench-test");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ObjectNode r;
        try {
            r = bench.run(work, new PrintStream(log, true, StandardCharsets.UTF_8));
        } finally {
            FileUtils.deleteDirectoryQuietly(work.toFile());
        }

        var bytes = r.get("serializedBytesPerCustomer");
        assertThat(bytes.get("customerState").asDouble()).isPositive();
        assertThat(bytes.get("featureHistory").asDouble()).as("the label join's history is measured").isPositive();
        assertThat(bytes.get("historySnapshotsPerCustomer").asDouble()).isBetween(1.0, 4.0);
        assertThat(bytes.get("total").asDouble()).isGreaterThan(bytes.get("featureHistory").asDouble());
        assertThat(r.get("sstBytes").asLong()).isPositive();
        assertThat(r.get("fullCheckpoint").get("checkpointedBytes").asLong()).isPositive();
        assertThat(r.get("incrementalCheckpoint").get("stateBytes").asLong()).isPositive();
        assertThat(r.get("restoredCustomerFound").asBoolean()).isTrue();
        assertThat(r.get("incrementalRestoredCustomerFound").asBoolean()).isTrue();
        assertThat(r.get("incrementalRestoredChangesFound").asBoolean()).as("the changes come back from checkpoint 2").isTrue();
        assertThat(StateTable.of(r)).contains("restore from the incremental checkpoint");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("restored the incremental checkpoint");
    }
}
