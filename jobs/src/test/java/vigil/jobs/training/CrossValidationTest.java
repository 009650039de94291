package vigil.jobs.training;

import org.junit.jupiter.api.Test;
import vigil.operators.sentiment.BinaryMetrics;
import vigil.operators.sentiment.SentimentTrainer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real reviews, few of them: training must already beat always answering the majority class. */
class CrossValidationTest {
    @Test
    void aModelTrainedOnFourHundredReviewsBeatsTheMajorityClass() throws Exception {
        List<LabeledText> rows = LabeledCsv.read(SharedData.file("fine-foods-reviews-train.csv"), "review", "score")
                .subList(0, 400);
        CrossValidation cv = new CrossValidation(TrainingTables.localEnvironment(2), rows, "great", 3, 42);
        double[] probability = cv.outOfFold(new SentimentTrainer().setTextCol("review").setLabelCol("score")
                .setPositiveLabel("great").setHashBits(16));
        BinaryMetrics metrics = cv.metrics(probability, new DecisionRule(0.5, 0.1));
        double majority = Math.max(metrics.positives(), rows.size() - metrics.positives()) / (double) rows.size();
        assertThat(metrics.rows()).isEqualTo(400);
        assertThat(metrics.accuracy()).as("accuracy; majority class %.3f", majority).isGreaterThan(majority + 0.03);
        assertThat(metrics.auc()).as("ROC-AUC; 0.5 is chance").isGreaterThan(0.65);
    }
}
