package vigil.operators.sentiment;

/**
 * Typographic signs of feeling that the words alone miss: exclamation and question marks,
 * emoticons and emoji, stretched words ("sooo") and shouting (ALL CAPS). Marks and emoticons are
 * read from the raw text because the tokenizer splits some emoticons (":-)" into three tokens).
 */
public final class MessageCues {
    /** The order of {@link #counts}. */
    public static final String[] NAMES = {"exclamations", "questions", "positiveEmoticons", "negativeEmoticons",
            "elongatedWords", "allCapsWords"};
    public static final int EXCLAMATIONS = 0;
    public static final int QUESTIONS = 1;
    public static final int POSITIVE_EMOTICONS = 2;
    public static final int NEGATIVE_EMOTICONS = 3;
    public static final int ELONGATED = 4;
    public static final int ALL_CAPS = 5;

    private static final String[] POSITIVE_FACES = {":)", ":-)", ":D", ":-D", ";)", ";-)", "=)", ":]", "<3", ":P"};
    private static final String[] NEGATIVE_FACES = {":(", ":-(", ":'(", ">:(", ":-/", "=(", ":["};
    private static final String POSITIVE_EMOJI = "😀😁😂😃😄😅😆😊😍😘🙂🤗🥰😎👍👏🙏💯🎉❤💕💖⭐🌟";
    private static final String NEGATIVE_EMOJI = "😞😟😠😡😢😣😤😥😩😫😭🙁☹😒😓😖🤬👎💔😱🤮";

    private MessageCues() {}

    /** Counts of marks and emoticons in a raw text; the word-level cues are filled in by the parser. */
    public static double[] fromText(String text) {
        double[] counts = new double[NAMES.length];
        if (text == null) {
            return counts;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '!') {
                counts[EXCLAMATIONS]++;
            } else if (c == '?') {
                counts[QUESTIONS]++;
            } else if (c > 0x2000) {
                String symbol = new String(Character.toChars(c));
                if (POSITIVE_EMOJI.contains(symbol)) {
                    counts[POSITIVE_EMOTICONS]++;
                } else if (NEGATIVE_EMOJI.contains(symbol)) {
                    counts[NEGATIVE_EMOTICONS]++;
                }
            }
            i += Character.charCount(c);
        }
        counts[POSITIVE_EMOTICONS] += occurrences(text, POSITIVE_FACES);
        counts[NEGATIVE_EMOTICONS] += occurrences(text, NEGATIVE_FACES);
        return counts;
    }

    /** A word of three or more letters, all upper case ("NEVER"); "I", "OK" and "TV" do not shout. */
    public static boolean isAllCaps(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3;
    }

    private static int occurrences(String text, String[] faces) {
        int n = 0;
        for (String face : faces) {
            for (int at = text.indexOf(face); at >= 0; at = text.indexOf(face, at + face.length())) {
                // "http://x" and "(see: http" are not faces: require a space or the text's edge before
                if (at == 0 || Character.isWhitespace(text.charAt(at - 1))) {
                    n++;
                }
            }
        }
        return n;
    }
}
