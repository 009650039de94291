package vigil.operators.sentiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sentiment lexicon learned from the training documents only: for each term seen in enough of
 * them, the smoothed log ratio of its document frequency among positive and among negative
 * documents (positive scores lean positive). It keeps the raw counts, so a training document can be
 * scored as if it had not been counted ({@link #scoreLeavingOut}): otherwise the classifier would
 * learn to trust a lexicon that has already seen the very rows it is trained on.
 */
public final class Lexicon implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double LIMIT = 4.0;

    private final int positiveDocs;
    private final int negativeDocs;
    private final double smoothing;
    /** term → {positive documents, negative documents}. */
    private final SortedMap<String, int[]> counts;
    private final Map<String, Double> scores = new HashMap<>();

    @JsonCreator
    public Lexicon(@JsonProperty("positiveDocs") int positiveDocs, @JsonProperty("negativeDocs") int negativeDocs,
                   @JsonProperty("smoothing") double smoothing, @JsonProperty("counts") Map<String, int[]> counts) {
        this.positiveDocs = positiveDocs;
        this.negativeDocs = negativeDocs;
        this.smoothing = smoothing;
        this.counts = new TreeMap<>(counts);
        this.counts.forEach((term, c) -> scores.put(term, ratio(c[0], c[1], positiveDocs, negativeDocs)));
    }

    /** Keeps the terms that occur in at least {@code minCount} documents. */
    public static Lexicon fromCounts(Map<String, int[]> documentCounts, int positiveDocs, int negativeDocs,
                                     int minCount, double smoothing) {
        Map<String, int[]> kept = new HashMap<>();
        documentCounts.forEach((term, c) -> {
            if (c[0] + c[1] >= minCount) {
                kept.put(term, c);
            }
        });
        return new Lexicon(positiveDocs, negativeDocs, smoothing, kept);
    }

    /** The term's score, or NaN if the lexicon does not know it. */
    public double score(String term) {
        Double s = scores.get(term);
        return s == null ? Double.NaN : s;
    }

    /** The score the term would have without one document of the given class that contains it. */
    public double scoreLeavingOut(String term, boolean positive) {
        int[] c = counts.get(term);
        if (c == null) {
            return Double.NaN;
        }
        return positive ? ratio(c[0] - 1, c[1], positiveDocs - 1, negativeDocs)
                : ratio(c[0], c[1] - 1, positiveDocs, negativeDocs - 1);
    }

    private double ratio(int pos, int neg, int posDocs, int negDocs) {
        double r = Math.log((pos + smoothing) / (posDocs + 2 * smoothing))
                - Math.log((neg + smoothing) / (negDocs + 2 * smoothing));
        return Math.max(-LIMIT, Math.min(LIMIT, r));
    }

    @JsonProperty
    public int positiveDocs() {
        return positiveDocs;
    }

    @JsonProperty
    public int negativeDocs() {
        return negativeDocs;
    }

    @JsonProperty
    public double smoothing() {
        return smoothing;
    }

    @JsonProperty
    public SortedMap<String, int[]> counts() {
        return counts;
    }

    @JsonIgnore
    public int size() {
        return counts.size();
    }
}
