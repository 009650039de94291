package vigil.jobs.training;

import org.junit.jupiter.api.Test;
import vigil.operators.sentiment.FastSentiment;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentComparisonTest {
    private static final List<LabeledText> ROWS = List.of(new LabeledText("great, love it", "yes"),
            new LabeledText("awful and stale, never again", "no"), new LabeledText("tasty", "yes"),
            new LabeledText("it broke", "no"));

    @Test
    void comparesBothPathsOnTheSameFirstRows() {
        SentimentComparison.Result result = SentimentComparison.run("tiny.csv", ROWS, "yes", FastSentiment.shared(),
                () -> text -> new Sentiment(SentimentLabel.POSITIVE, 0.5, "always-positive"), "always-positive", 3);
        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.positives()).isEqualTo(2);
        assertThat(result.columns()).extracting(SentimentComparison.Column::path).containsExactly("fast", "fast", "deep");
        assertThat(result.columns()).extracting(c -> c.metrics().rows()).containsExactly(4, 3, 3);
        SentimentComparison.Column deep = result.columns().get(2);
        assertThat(deep.metrics().accuracy()).isEqualTo(2 / 3.0);
        assertThat(deep.metrics().auc()).isEqualTo(0.5);
        assertThat(result.fastShortMessagesPerSecond()).isPositive();
        String table = ComparisonTable.format(result);
        assertThat(table).contains("rows evaluated", "4 (all)", "3 (first 3)", "always-positive", "msgs/s per core");
    }

    @Test
    void shortMessagesKeepTheFirstTenWords() {
        assertThat(SentimentComparison.shortMessages(List.of("a b c d e f g h i j k l", " x  y ")))
                .containsExactly("a b c d e f g h i j", "x y");
    }
}
