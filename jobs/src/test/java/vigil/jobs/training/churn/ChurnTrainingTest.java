package vigil.jobs.training.churn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.jobs.training.SharedData;
import vigil.operators.churn.ChurnMetadata;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.train.ChurnTrainer;
import vigil.operators.churn.train.LabeledRows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real churn rows, few of them: cross-validation must find signal, and the command's path must write a usable snapshot. */
class ChurnTrainingTest {
    @Test
    void crossValidatedTreesBeatChanceOnTheUsageSet() throws Exception {
        LabeledRows all = ChurnCsv.read(SharedData.file("telecom-usage-churn-train.csv"), "churn");
        LabeledRows rows = all.subset(java.util.stream.IntStream.range(0, 600).toArray());
        ChurnCrossValidation cv = new ChurnCrossValidation(rows, "churn", "yes", 3, 42);
        ChurnCrossValidation.Result result = cv.run(new ChurnTrainer().setLabelCol("churn").setPositiveLabel("yes")
                .setTrees(20).setReg(1e-2));
        assertThat(result.perFold()).hasSize(3);
        assertThat(result.perFold()).allSatisfy(m -> assertThat(m.rows()).isBetween(199, 201));
        assertThat(result.mean().rows()).isEqualTo(600);
        assertThat(result.mean().rocAuc()).as("ROC-AUC; 0.5 is chance").isGreaterThan(0.75);
        double base = result.mean().positives() / 600.0;
        assertThat(result.mean().prAuc()).as("PR-AUC; %.3f is chance", base).isGreaterThan(base + 0.2);
    }

    @Test
    void trainingWritesASnapshotWithTheCrossValidatedFigures(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("telco-sample.csv");
        var lines = Files.readAllLines(SharedData.file("telco-churn-train.csv"));
        Files.write(sample, lines.subList(0, 401));
        ChurnTraining.Settings s = new ChurnTraining.Settings();
        s.data = sample;
        s.labelCol = "churn";
        s.positiveLabel = "Yes";
        s.version = 5;
        s.folds = 3;
        s.l2 = new double[] {1e-2};
        s.trees = new int[] {0, 10};
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ChurnModel model = ChurnTraining.train(s, new PrintStream(log, true, StandardCharsets.UTF_8));
        Path out = dir.resolve("model");
        ChurnTraining.save(model, out);

        ChurnModel loaded = ChurnModel.load(out);
        ChurnMetadata m = loaded.metadata();
        assertThat(loaded.id()).isEqualTo("churn-v5");
        assertThat(m.dataFile).isEqualTo("telco-sample.csv");
        assertThat(m.rows).isEqualTo(400);
        assertThat(m.features).contains("tenure (numeric)", "contract (categorical)");
        assertThat(m.crossValidation.perFold()).hasSize(3);
        assertThat(m.crossValidation.mean().rocAuc()).isGreaterThan(0.7);
        assertThat(m.candidates).hasSize(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("fold 3", "mean", "chosen");
        Map<String, Object> customer = Map.of("tenure", "1", "contract", "Month-to-month", "internet_service", "Fiber optic",
                "monthly_charges", 95.0);
        assertThat(loaded.predict(customer)).isEqualTo(model.predict(customer));
        assertThat(loaded.predict(customer).risk()).isGreaterThan(loaded.predict(Map.of("tenure", 70.0, "contract", "Two year")).risk());
    }

    @Test
    void blankCellsAreMissing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tiny.csv");
        Files.writeString(csv, "id,tenure,plan,churn\nA,3,,Yes\nB, ,basic,No\n");
        LabeledRows rows = ChurnCsv.read(csv, "churn");
        assertThat(rows.columns()).containsExactly("id", "tenure", "plan", "churn");
        assertThat(rows.cells().get(0)[2]).isNull();
        assertThat(rows.cells().get(1)[1]).isNull();
        assertThat(rows.labels("churn", "Yes")).containsExactly(true, false);
    }
}
