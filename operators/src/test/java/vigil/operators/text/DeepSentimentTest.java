package vigil.operators.text;

import org.junit.jupiter.api.Test;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import static org.assertj.core.api.Assertions.assertThat;

/** Slow: the first call loads the parser and sentiment models; three sentences in all. */
class DeepSentimentTest {
    private static final DeepSentiment DEEP = DeepSentiment.shared();

    @Test
    void clearlyPositiveAndNegativeGetTheRightSign() {
        Sentiment good = DEEP.score("The technician was wonderful and the new router works perfectly.");
        Sentiment bad = DEEP.score("This is the worst service I have ever had, absolutely terrible.");
        assertThat(good.getScore()).isPositive();
        assertThat(good.getLabel()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(bad.getScore()).isNegative();
        assertThat(bad.getLabel()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(good.getModel()).isEqualTo(DeepSentiment.MODEL);
    }

    @Test
    void scoresStayInRangeAndEmptyIsNeutral() {
        Sentiment mixed = DEEP.score("Great phone. Awful battery.");
        assertThat(mixed.getScore()).isBetween(-1.0, 1.0);
        assertThat(DEEP.score("  ").getLabel()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(DEEP.score(null).getScore()).isZero();
        assertThat(DEEP.shared()).isSameAs(DEEP);
    }
}
