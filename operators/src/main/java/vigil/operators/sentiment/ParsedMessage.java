package vigil.operators.sentiment;

import java.util.List;

/**
 * A message as the fast path sees it: its terms (lower case, negation marked, {@link #BREAK}
 * between clauses so bigrams never span a full stop) and its typographic cues
 * ({@link MessageCues#NAMES}).
 */
public record ParsedMessage(List<String> terms, double[] cues) {
    /** Marks a clause boundary in {@link #terms}; never a feature itself. */
    public static final String BREAK = "|";
}
