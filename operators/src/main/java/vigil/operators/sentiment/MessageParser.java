package vigil.operators.sentiment;

import vigil.operators.text.Tokenization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a text into {@link ParsedMessage} terms, the same way for training and for scoring:
 * Vigil's CoreNLP tokenization, lower case, numbers as {@code <num>}, letters repeated three or more
 * times cut to two ("sooo" → "soo", counted as an elongated word), HTML tags and punctuation as
 * clause breaks, and words after a negator marked {@code NEG_} until the clause ends, "but" comes,
 * or {@code negationWindow} words have passed.
 */
public final class MessageParser {
    public static final String NUMBER = "<num>";

    private MessageParser() {}

    public static ParsedMessage parse(String text, int negationWindow) {
        return parse(text, Tokenization.words(text), negationWindow);
    }

    /** The same, with the text's words already tokenized with {@link Tokenization}'s options. */
    public static ParsedMessage parse(String text, List<String> words, int negationWindow) {
        double[] cues = MessageCues.fromText(text);
        List<String> terms = new ArrayList<>(words.size() + 4);
        int negatedLeft = 0;
        for (String word : words) {
            if (isBreak(word)) {
                negatedLeft = 0;
                if (!terms.isEmpty() && !terms.get(terms.size() - 1).equals(ParsedMessage.BREAK)) {
                    terms.add(ParsedMessage.BREAK);
                }
                continue;
            }
            if (MessageCues.isAllCaps(word)) {
                cues[MessageCues.ALL_CAPS]++;
            }
            String term = normalize(word);
            if (term == null) {
                continue;
            }
            if (!term.equals(NUMBER) && term.length() < word.length()) {
                cues[MessageCues.ELONGATED]++;
            }
            String previous = terms.isEmpty() ? ParsedMessage.BREAK : terms.get(terms.size() - 1);
            if (NegationScope.isNegator(term) || NegationScope.continuesNegator(previous, term)) {
                terms.add(term.equals("n't") ? "not" : term);
                negatedLeft = negationWindow;
            } else if (term.equals("but")) {
                terms.add(term);
                negatedLeft = 0;
            } else if (negatedLeft > 0) {
                terms.add(NegationScope.PREFIX + term);
                negatedLeft--;
            } else {
                terms.add(term);
            }
        }
        return new ParsedMessage(terms, cues);
    }

    /** Clause ends and markup such as {@code <br />}: no letter or digit, or an HTML tag. */
    static boolean isBreak(String word) {
        if (word.length() > 2 && word.charAt(0) == '<' && word.charAt(word.length() - 1) == '>') {
            return true;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')') {
                return !hasLetterOrDigit(word);
            }
        }
        return false;
    }

    /** The term of a word, or null for symbols that carry no meaning here ("$", "%", "&"). */
    static String normalize(String word) {
        if (!hasLetterOrDigit(word)) {
            return null;
        }
        boolean letters = false;
        for (int i = 0; i < word.length() && !letters; i++) {
            letters = Character.isLetter(word.charAt(i));
        }
        if (!letters) {
            return NUMBER;
        }
        return squeeze(word.toLowerCase(Locale.ROOT));
    }

    /** Cuts runs of three or more equal letters to two: "sooo" → "soo", "baaad" → "baad". */
    static String squeeze(String word) {
        StringBuilder out = null;
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && word.charAt(i - 1) == c ? run + 1 : 1;
            if (run >= 3 && Character.isLetter(c)) {
                if (out == null) {
                    out = new StringBuilder(word.substring(0, i));
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? word : out.toString();
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
