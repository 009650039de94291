package vigil.operators.text;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * CoreNLP tokenization with the one set of options Vigil uses everywhere: the text analyzer,
 * the fast sentiment path's training and its scoring in the stream, so features see the same tokens.
 */
public final class Tokenization {
    /** Keep brackets and quotes as typed (no PTB escaping); keep characters the tokenizer does not know. */
    public static final String OPTIONS = "ptb3Escaping=false,untokenizable=noneKeep,invertible=false";

    private static final CoreLabelTokenFactory FACTORY = new CoreLabelTokenFactory();

    private Tokenization() {}

    /** The tokens of a text (word, offsets), as CoreNLP's tokenizer gives them. */
    public static List<CoreLabel> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return new ArrayList<>();
        }
        return new PTBTokenizer<>(new StringReader(text), FACTORY, OPTIONS).tokenize();
    }

    /** The words of a text, as typed. */
    public static List<String> words(String text) {
        return words(tokens(text));
    }

    /** The words of tokens, as typed. */
    public static List<String> words(List<CoreLabel> tokens) {
        List<String> words = new ArrayList<>(tokens.size());
        tokens.forEach(token -> words.add(token.word()));
        return words;
    }
}
