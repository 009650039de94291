package vigil.operators.sentiment;

import java.util.Set;

/**
 * Which words open a negation scope. Words after a negator, up to the end of the clause or a
 * window of a few words, are marked {@code NEG_}: "not good" and "good" then become different
 * features, and the model can learn that negation turns a word around.
 */
public final class NegationScope {
    /** Prefix of a negated term. */
    public static final String PREFIX = "NEG_";

    /** The tokenizer splits "don't" into "do" + "n't", and "cannot" into "can" + "not". */
    private static final Set<String> NEGATORS = Set.of(
            "not", "n't", "no", "never", "without", "nobody", "nothing", "none", "neither", "nor",
            "nowhere", "hardly", "barely", "scarcely", "lack", "lacks", "lacking");

    /** Second words of two-word negators: "no longer works" negates "works", not "longer". */
    private static final Set<String> CONTINUATIONS = Set.of("longer", "more");

    private NegationScope() {}

    /** Whether a term continues the negator right before it ("no" + "longer"). */
    public static boolean continuesNegator(String previous, String term) {
        return previous.equals("no") && CONTINUATIONS.contains(term);
    }

    /** Whether a lowercased token opens a negation scope. */
    public static boolean isNegator(String term) {
        return NEGATORS.contains(term);
    }

    public static boolean isNegated(String term) {
        return term.startsWith(PREFIX);
    }

    /** The word without its negation mark. */
    public static String base(String term) {
        return isNegated(term) ? term.substring(PREFIX.length()) : term;
    }
}
