package vigil.operators.sentiment;

import org.junit.jupiter.api.Test;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {
    // positives score 0.9, 0.2, 0.6; negatives 0.4, -0.5; decided at 0.3
    private static final List<String> TEXTS = List.of("a", "b", "c", "d", "e");
    private static final boolean[] ACTUAL = {true, true, false, false, true};
    private static final Map<String, Double> SCORES = Map.of("a", 0.9, "b", 0.2, "c", 0.4, "d", -0.5, "e", 0.6);

    @Test
    void computesTheFiguresByHand() {
        SentimentScorer scorer = text -> new Sentiment(
                text.equals("b") ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE, SCORES.get(text), "stub");
        BinaryMetrics m = SentimentEvaluation.evaluate(scorer, TEXTS, ACTUAL, 0.3, 2);
        // predicted positive: a, c, e -> TP 2 (a, e), FN 1 (b), FP 1 (c), TN 1 (d)
        assertThat(new int[] {m.truePositives(), m.falseNegatives(), m.falsePositives(), m.trueNegatives()})
                .containsExactly(2, 1, 1, 1);
        assertThat(m.rows()).isEqualTo(5);
        assertThat(m.positives()).isEqualTo(3);
        assertThat(m.accuracy()).isCloseTo(0.6, within(1e-12));
        // F1 positive 2·2 / (2·2 + 1 + 1) = 2/3, negative 2·1 / (2·1 + 1 + 1) = 1/2
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 0.5) / 2, within(1e-12));
        // 5 of the 6 (positive, negative) pairs are ordered right: only 0.2 < 0.4 is not
        assertThat(m.auc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(m.neutral()).isEqualTo(1);
        assertThat(m.messagesPerSecond()).isPositive();
    }

    @Test
    void tiesCountHalfInTheAuc() {
        assertThat(RocAuc.of(new boolean[] {true, false, true, false}, new double[] {0.5, 0.5, 0.9, 0.1}))
                .isCloseTo((1 + 0.5 + 1 + 1) / 4, within(1e-12));
        assertThat(RocAuc.of(new boolean[] {true, true}, new double[] {0.1, 0.2})).isNaN();
    }
}
