package vigil.operators.sentiment;

import org.apache.flink.ml.linalg.SparseVector;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast path's feature vector, the same at training and at scoring time:
 * <ul>
 *   <li>slots [0, 2^hashBits): hashed unigrams and (within a clause) bigrams of the parsed terms,
 *       present or not, signed, scaled to unit length so short and long texts weigh alike;</li>
 *   <li>then {@link #DENSE} dense features: the lexicon's mean, positive sum, negative sum, max and
 *       min over the terms; the lexicon score of the words under negation (read without the mark,
 *       so the model learns how negation turns them) and of the words after an intensifier ("very",
 *       "so"...); the log of the number of terms; and the log counts of the {@link MessageCues}.
 *       A negated term the lexicon does not know ("no longer works": {@code NEG_works}) counts as
 *       the opposite of its plain word, so negation reaches words the training data never saw negated;
 *       where the data did see them ("not bad"), its own evidence wins;</li>
 *   <li>last, a constant 1.0: the intercept, which Flink ML's logistic servable does not add itself.</li>
 * </ul>
 */
public final class SentimentFeatures {
    public static final String[] DENSE = {"lexiconMean", "lexiconPositive", "lexiconNegative", "lexiconMax",
            "lexiconMin", "lexiconNegated", "lexiconIntensified", "logTerms", "exclamations", "questions",
            "positiveEmoticons", "negativeEmoticons", "elongatedWords", "allCapsWords"};

    private static final Set<String> INTENSIFIERS = Set.of("very", "really", "so", "too", "extremely", "totally",
            "absolutely", "super", "incredibly", "highly", "truly", "completely", "utterly", "most", "such");

    private final FeatureSettings settings;
    private final Lexicon lexicon;
    private final int hashDims;

    public SentimentFeatures(FeatureSettings settings, Lexicon lexicon) {
        this.settings = settings;
        this.lexicon = lexicon;
        this.hashDims = settings.hashDimensions();
    }

    /** Length of every vector: hashed slots, dense features, intercept. */
    public int dimensions() {
        return hashDims + DENSE.length + 1;
    }

    public SparseVector vectorize(ParsedMessage message) {
        return vectorize(message, null);
    }

    /**
     * @param ownLabel for a training document, its label: its lexicon scores then leave it out
     *     ({@link Lexicon#scoreLeavingOut}); null when scoring
     */
    public SparseVector vectorize(ParsedMessage message, Boolean ownLabel) {
        List<String> terms = message.terms();
        int[] hashes = new int[terms.size() * 2];
        int n = 0;
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            if (term.equals(ParsedMessage.BREAK)) {
                continue;
            }
            hashes[n++] = FeatureHashing.unigram(term);
            String next = i + 1 < terms.size() ? terms.get(i + 1) : ParsedMessage.BREAK;
            if (settings.bigrams && !next.equals(ParsedMessage.BREAK)) {
                hashes[n++] = FeatureHashing.bigram(term, next);
            }
        }
        Arrays.sort(hashes, 0, n);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[unique++] = hashes[i];
            }
        }
        int[] indices = new int[unique + DENSE.length + 1];
        double[] values = new double[indices.length];
        double weight = unique == 0 ? 0 : 1 / Math.sqrt(unique);
        for (int i = 0; i < unique; i++) {
            indices[i] = FeatureHashing.slot(hashes[i], settings.hashBits);
            values[i] = FeatureHashing.sign(hashes[i]) * weight;
        }
        double[] dense = dense(message, ownLabel);
        for (int j = 0; j < dense.length; j++) {
            indices[unique + j] = hashDims + j;
            values[unique + j] = dense[j];
        }
        indices[indices.length - 1] = hashDims + DENSE.length;
        values[values.length - 1] = 1.0;
        return merged(indices, values);
    }

    private double[] dense(ParsedMessage message, Boolean ownLabel) {
        List<String> terms = message.terms();
        Set<String> own = ownLabel == null ? null : new HashSet<>(terms);
        double sum = 0, positive = 0, negative = 0, max = 0, min = 0, negated = 0, intensified = 0;
        int known = 0, count = 0;
        String previous = ParsedMessage.BREAK;
        for (String term : terms) {
            if (term.equals(ParsedMessage.BREAK)) {
                previous = term;
                continue;
            }
            count++;
            double s = score(term, ownLabel, own);
            if (!Double.isNaN(s)) {
                sum += s;
                positive += Math.max(0, s);
                negative += Math.min(0, s);
                max = known == 0 ? s : Math.max(max, s);
                min = known == 0 ? s : Math.min(min, s);
                known++;
            }
            if (NegationScope.isNegated(term)) {
                String base = NegationScope.base(term);
                double b = score(base, ownLabel, own);
                negated += Double.isNaN(b) ? 0 : b;
            }
            if (INTENSIFIERS.contains(NegationScope.base(previous)) && !Double.isNaN(s)) {
                intensified += s;
            }
            previous = term;
        }
        double root = Math.sqrt(Math.max(1, count));
        double[] cues = message.cues();
        return new double[] {known == 0 ? 0 : sum / known, positive / root, negative / root, max, min,
                negated / root, intensified / root, Math.log1p(count),
                Math.log1p(cues[MessageCues.EXCLAMATIONS]), Math.log1p(cues[MessageCues.QUESTIONS]),
                Math.log1p(cues[MessageCues.POSITIVE_EMOTICONS]), Math.log1p(cues[MessageCues.NEGATIVE_EMOTICONS]),
                Math.log1p(cues[MessageCues.ELONGATED]), Math.log1p(cues[MessageCues.ALL_CAPS])};
    }

    /** The lexicon score of a term, leaving the training document out where it counted it; NaN if unknown. */
    private double score(String term, Boolean ownLabel, Set<String> own) {
        double s = own == null || !own.contains(term) ? lexicon.score(term) : lexicon.scoreLeavingOut(term, ownLabel);
        if (Double.isNaN(s) && NegationScope.isNegated(term)) {
            return -score(NegationScope.base(term), ownLabel, own);
        }
        return s;
    }

    /** Sorts by slot and adds up the values of hashes that share one (a collision). */
    private SparseVector merged(int[] indices, double[] values) {
        long[] packed = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            packed[i] = ((long) indices[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] outIndices = new int[indices.length];
        double[] outValues = new double[indices.length];
        int m = 0;
        for (long p : packed) {
            int index = (int) (p >>> 32);
            double value = values[(int) p];
            if (m > 0 && outIndices[m - 1] == index) {
                outValues[m - 1] += value;
            } else {
                outIndices[m] = index;
                outValues[m++] = value;
            }
        }
        return new SparseVector(dimensions(), Arrays.copyOf(outIndices, m), Arrays.copyOf(outValues, m));
    }
}
