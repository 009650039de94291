package vigil.operators.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phrase matching on words: case, punctuation and spacing do not matter, and a phrase matches whole
 * words only ("cancel" does not match "cancellation").
 */
final class Phrases {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    private Phrases() {}

    static String normalize(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The index of the first phrase (normalized) found in the text, or -1. */
    static int find(String text, List<String> normalizedPhrases) {
        if (text == null) {
            return -1;
        }
        String padded = " " + normalize(text) + " ";
        for (int i = 0; i < normalizedPhrases.size(); i++) {
            if (padded.contains(" " + normalizedPhrases.get(i) + " ")) {
                return i;
            }
        }
        return -1;
    }
}
