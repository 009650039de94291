package vigil.jobs.evaluation;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.training.SharedData;
import vigil.jobs.training.churn.ChurnCsv;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.train.ChurnTrainer;
import vigil.operators.churn.train.LabeledRows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** eval-churn's replay: rows as profile events through the streaming job score as the model scores them directly. */
class ChurnReplayTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void everyRowIsScoredByTheStreamingPathAsTheModelWouldScoreIt(@TempDir Path dir) throws Exception {
        LabeledRows all = ChurnCsv.read(SharedData.file("telco-churn-train.csv"), "churn");
        LabeledRows train = all.subset(range(0, 400));
        LabeledRows replayed = all.subset(range(400, 550));
        ChurnModel model = new ChurnTrainer().setPositiveLabel("Yes").setTrees(0).fit(train);
        Path snapshot = dir.resolve("model");
        model.save(snapshot);

        double[] risks = ChurnReplay.risks(model, snapshot, replayed, "churn", Checkpoints.directory());

        assertThat(risks).hasSize(150);
        int label = replayed.column("churn");
        for (int i = 0; i < risks.length; i++) {
            Map<String, Object> features = new HashMap<>();
            String[] cells = replayed.cells().get(i);
            for (int c = 0; c < cells.length; c++) {
                if (c != label && cells[c] != null && !cells[c].isBlank()) {
                    features.put(replayed.columns().get(c), cells[c]);
                }
            }
            assertThat(risks[i]).as("row %d", i).isCloseTo(model.risk(features), within(1e-9));
        }
        assertThat(Calibration.of(replayed.labels("churn", "Yes"), risks, 10).stream().mapToInt(Calibration.Bin::rows).sum())
                .isEqualTo(150);
    }

    private static int[] range(int from, int to) {
        List<Integer> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(i);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
