package vigil.operators.sentiment;

import java.util.List;

import vigil.schemas.Sentiment;

/**
 * Scores one text: a label (NEGATIVE, NEUTRAL, POSITIVE), a score in [-1, 1] and the model's name
 * and version. The fast path and the deep path both implement it, so they can be compared side by side.
 */
public interface SentimentScorer {
    Sentiment score(String text);

    /**
     * Scores a text whose CoreNLP words (with {@code Tokenization}'s options) are already known, as the
     * analyzer's are; a scorer that tokenizes the same way can skip tokenizing it again.
     */
    default Sentiment score(String text, List<String> words) {
        return score(text);
    }
}
