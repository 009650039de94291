package vigil.operators.sentiment;

import java.io.Serializable;

/** How texts become features; saved with every model snapshot so scoring repeats training exactly. */
public final class FeatureSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** log2 of the number of hashed unigram and bigram slots. */
    public int hashBits = 18;
    public boolean bigrams = true;
    /** At most this many words after a negator are marked negated. */
    public int negationWindow = 4;
    /** Lexicon terms must occur in at least this many training documents. */
    public int lexiconMinCount = 5;
    /** Additive smoothing of the lexicon's document counts. */
    public double lexiconSmoothing = 1.0;

    public FeatureSettings() {}

    public FeatureSettings(int hashBits, boolean bigrams, int negationWindow, int lexiconMinCount, double lexiconSmoothing) {
        this.hashBits = hashBits;
        this.bigrams = bigrams;
        this.negationWindow = negationWindow;
        this.lexiconMinCount = lexiconMinCount;
        this.lexiconSmoothing = lexiconSmoothing;
    }

    public int hashDimensions() {
        return 1 << hashBits;
    }
}
