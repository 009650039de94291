package vigil.operators.text;

import edu.stanford.nlp.ling.CoreLabel;

import java.util.List;

/** Turns a text into CoreNLP tokens outside a pipeline, for callers that tag one text at a time. */
final class TokenLists {
    private TokenLists() {}

    /** The tokens of the text (Vigil's tokenization, as the analyzer's) as one token list, treated as one sentence. */
    static List<List<CoreLabel>> oneSentence(String text) {
        return List.of(Tokenization.tokens(text));
    }
}
