package vigil.operators.sentiment;

import vigil.schemas.Sentiment;

/**
 * Scores one text: a label (NEGATIVE, NEUTRAL, POSITIVE), a score in [-1, 1] and the model's name
 * and version. The fast path and the deep path both implement it, so they can be compared side by side.
 */
public interface SentimentScorer {
    Sentiment score(String text);
}
