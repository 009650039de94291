package vigil.operators.sentiment;

import org.apache.flink.ml.linalg.SparseVector;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentFeaturesTest {
    private static final int GREAT_SLOT = 202444;
    private static final int NOT_BAD_SLOT = 261229;
    private static final Lexicon LEXICON = Lexicon.fromCounts(
            Map.of("good", new int[] {8, 2}, "bad", new int[] {1, 9}, "food", new int[] {5, 5}), 10, 10, 1, 1.0);

    private static SentimentFeatures features(boolean bigrams) {
        return new SentimentFeatures(new FeatureSettings(16, bigrams, 4, 1, 1.0), LEXICON);
    }

    private static int hashedEntries(SparseVector v) {
        int n = 0;
        for (int index : v.indices) {
            n += index < 1 << 16 ? 1 : 0;
        }
        return n;
    }

    @Test
    void hashesUnigramsAndBigramsWithinAClause() {
        assertThat(hashedEntries(features(true).vectorize(MessageParser.parse("good food", 4)))).isEqualTo(3);
        assertThat(hashedEntries(features(false).vectorize(MessageParser.parse("good food", 4)))).isEqualTo(2);
        assertThat(hashedEntries(features(true).vectorize(MessageParser.parse("good. food", 4)))).isEqualTo(2);
        assertThat(hashedEntries(features(true).vectorize(MessageParser.parse("good good good", 4)))).isEqualTo(2);
    }

    @Test
    void hashingIsFixedAcrossRunsAndJvms() {
        // pinned values: a change here silently breaks every saved model
        assertThat(FeatureHashing.slot(FeatureHashing.unigram("great"), 18)).isEqualTo(GREAT_SLOT);
        assertThat(FeatureHashing.slot(FeatureHashing.bigram("not", "NEG_bad"), 18)).isEqualTo(NOT_BAD_SLOT);
        SparseVector a = features(true).vectorize(MessageParser.parse("not bad at all, good food!", 4));
        SparseVector b = features(true).vectorize(MessageParser.parse("not bad at all, good food!", 4));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void endsWithDenseFeaturesAndTheIntercept() {
        SentimentFeatures f = features(true);
        SparseVector v = f.vectorize(MessageParser.parse("good", 4));
        assertThat(v.size()).isEqualTo(f.dimensions()).isEqualTo((1 << 16) + SentimentFeatures.DENSE.length + 1);
        assertThat(v.get(f.dimensions() - 1)).isEqualTo(1.0);
        assertThat(v.get(1 << 16)).as("lexicon mean").isEqualTo(LEXICON.score("good"));
    }

    @Test
    void negatedWordsTheLexiconLacksCountAsTheirOpposite() {
        SentimentFeatures f = features(true);
        int mean = 1 << 16;
        int negated = mean + 5;
        SparseVector v = f.vectorize(MessageParser.parse("not good", 4));
        assertThat(v.get(mean)).isEqualTo(-LEXICON.score("good"));
        assertThat(v.get(negated)).isEqualTo(LEXICON.score("good") / Math.sqrt(2));
    }

    @Test
    void trainingRowsLeaveThemselvesOutOfTheLexicon() {
        SentimentFeatures f = features(true);
        int mean = 1 << 16;
        ParsedMessage m = MessageParser.parse("good", 4);
        assertThat(f.vectorize(m, true).get(mean)).isEqualTo(LEXICON.scoreLeavingOut("good", true))
                .isLessThan(f.vectorize(m).get(mean));
    }
}
