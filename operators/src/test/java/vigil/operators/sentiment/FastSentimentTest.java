package vigil.operators.sentiment;

import org.junit.jupiter.api.Test;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped model: it loads from the classpath and reads short customer messages sensibly. */
class FastSentimentTest {
    private static final FastSentiment FAST = FastSentiment.shared();

    @Test
    void theShippedSnapshotLoadsOncePerJvmWithItsRecord() {
        assertThat(FastSentiment.shared()).isSameAs(FAST);
        SnapshotMetadata m = FAST.metadata();
        assertThat(m.id()).isEqualTo("fast-sentiment-v1");
        assertThat(m.training.dataFile).isEqualTo("fine-foods-reviews-train.csv");
        assertThat(m.training.rows).isEqualTo(4000);
        assertThat(m.training.crossValidation.accuracy()).isGreaterThan(0.8);
        assertThat(m.training.dev.accuracy()).isGreaterThan(0.8);
        assertThat(m.lexicon.size()).isGreaterThan(1000);
        assertThat(FAST.score("lovely").getModel()).isEqualTo("fast-sentiment-v1");
    }

    @Test
    void readsShortCustomerMessages() {
        assertThat(label("thank you so much, great service")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("never again")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("my bill is wrong and nobody helps")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    /** "no longer" is neutral in the training reviews, so only the negated "works" speaks: weakly negative. */
    @Test
    void noLongerWorksLeansNegative() {
        assertThat(FAST.score("no longer works").getScore()).isLessThan(FAST.decisionScore())
                .isLessThan(FAST.score("works").getScore());
        assertThat(label("no longer works")).isNotEqualTo(SentimentLabel.POSITIVE);
    }

    /**
     * The model learned "five stars or not": in its training reviews "not bad" is lukewarm (6 of the
     * 18 reviews with it have five stars, against 65 % overall), so it stays below the five-star
     * threshold; negation still lifts it far above "bad".
     */
    @Test
    void notBadIsLukewarmAboveBad() {
        assertThat(FAST.score("not bad").getScore()).isGreaterThan(FAST.score("bad").getScore() + 0.02);
        assertThat(FAST.score("not bad").getScore()).isLessThan(FAST.decisionScore());
    }

    @Test
    void scoresStayInRangeForEmptyAndMissingTexts() {
        for (String text : new String[] {"", null, "   ", "!!!", "😡😡😡"}) {
            Sentiment s = FAST.score(text);
            assertThat(s.getScore()).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(i % 2 == 0 ? "great coffee, thanks #" + i : "the order " + i + " never arrived, not happy");
        }
        List<Double> expected = texts.stream().map(t -> FAST.score(t).getScore()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Double>>> runs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(pool.submit(() -> texts.stream().map(t -> FAST.score(t).getScore()).toList()));
            }
            for (Future<List<Double>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static SentimentLabel label(String text) {
        return FAST.score(text).getLabel();
    }
}
