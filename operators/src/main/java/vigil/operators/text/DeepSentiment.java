package vigil.operators.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import org.ejml.simple.SimpleMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.operators.sentiment.SentimentScorer;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.util.Properties;

/**
 * The deep sentiment path: CoreNLP's recursive sentiment model over shift-reduce parses. Accurate
 * but slow (tens of messages per second per core), and its models take tens of seconds to load,
 * so there is one pipeline per JVM, loaded on first use. The pipeline's annotators keep no state
 * between calls (CoreNLP itself runs them from several threads), so scoring is not synchronized.
 */
public final class DeepSentiment implements SentimentScorer {
    public static final String MODEL = "corenlp-sr-4.5.10";
    private static final Logger LOG = LoggerFactory.getLogger(DeepSentiment.class);

    private final StanfordCoreNLP pipeline;

    private DeepSentiment() {
        long start = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
        props.setProperty("tokenize.language", "en");
        props.setProperty("tokenize.options", Tokenization.OPTIONS);
        props.setProperty("parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz");
        props.setProperty("parse.binaryTrees", "true");
        this.pipeline = new StanfordCoreNLP(props);
        LOG.info("CoreNLP sentiment pipeline (shift-reduce) loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** The JVM's one deep scorer; the first call loads the models. */
    public static DeepSentiment shared() {
        return Holder.INSTANCE;
    }

    /**
     * Averages the 5-class distribution (very negative .. very positive) of every sentence's root,
     * weighted by its number of tokens, merges it into negative / neutral / positive, and returns
     * score = P(positive) - P(negative), label = the most likely of the three.
     */
    @Override
    public Sentiment score(String text) {
        double[] merged = new double[3];
        double weight = 0;
        if (text != null && !text.isBlank()) {
            Annotation document = new Annotation(text);
            pipeline.annotate(document);
            for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
                Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                SimpleMatrix p = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
                if (p == null) {
                    continue;
                }
                int length = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
                merged[0] += length * (p.get(0) + p.get(1));
                merged[1] += length * p.get(2);
                merged[2] += length * (p.get(3) + p.get(4));
                weight += length;
            }
        }
        if (weight == 0) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0.0, MODEL);
        }
        double score = Math.max(-1, Math.min(1, (merged[2] - merged[0]) / weight));
        SentimentLabel label = SentimentLabel.NEUTRAL;
        if (merged[0] > merged[1] && merged[0] > merged[2]) {
            label = SentimentLabel.NEGATIVE;
        } else if (merged[2] > merged[1] && merged[2] > merged[0]) {
            label = SentimentLabel.POSITIVE;
        }
        return new Sentiment(label, score, MODEL);
    }

    private static final class Holder {
        static final DeepSentiment INSTANCE = new DeepSentiment();
    }
}
