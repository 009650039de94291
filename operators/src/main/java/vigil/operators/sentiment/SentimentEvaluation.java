package vigil.operators.sentiment;

import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.util.List;

/**
 * Evaluates any {@link SentimentScorer} on a binary task: a text counts as predicted positive when
 * its score is above the scorer's decision point (0 for a scorer whose score is P(pos) − P(neg);
 * {@link FastSentiment#decisionScore()} for the fast path), and ROC-AUC ranks by score, so no
 * threshold enters it. Throughput is wall-clock messages per second on the calling thread (one
 * core), after scoring the first {@code warmup} texts untimed so the JIT has compiled the path.
 */
public final class SentimentEvaluation {
    private SentimentEvaluation() {}

    public static BinaryMetrics evaluate(SentimentScorer scorer, List<String> texts, boolean[] positive,
                                         double decisionScore, int warmup) {
        if (texts.size() != positive.length) {
            throw new IllegalArgumentException(texts.size() + " texts but " + positive.length + " labels");
        }
        for (int i = 0; i < Math.min(warmup, texts.size()); i++) {
            scorer.score(texts.get(i));
        }
        double[] scores = new double[texts.size()];
        boolean[] predicted = new boolean[texts.size()];
        int neutral = 0;
        long start = System.nanoTime();
        for (int i = 0; i < scores.length; i++) {
            Sentiment sentiment = scorer.score(texts.get(i));
            scores[i] = sentiment.getScore();
            predicted[i] = scores[i] > decisionScore;
            if (sentiment.getLabel() == SentimentLabel.NEUTRAL) {
                neutral++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Double perSecond = scores.length == 0 ? null : scores.length / seconds;
        return BinaryMetrics.of(positive, scores, predicted, neutral, perSecond);
    }

    /** Throughput only: messages per second on the calling thread, after {@code warmup} untimed texts. */
    public static double messagesPerSecond(SentimentScorer scorer, List<String> texts, int warmup) {
        for (int i = 0; i < Math.min(warmup, texts.size()); i++) {
            scorer.score(texts.get(i));
        }
        long start = System.nanoTime();
        for (String text : texts) {
            scorer.score(text);
        }
        return texts.size() / ((System.nanoTime() - start) / 1e9);
    }
}
