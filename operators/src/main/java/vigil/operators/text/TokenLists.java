package vigil.operators.text;

import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.List;

/** Turns a text into CoreNLP tokens outside a pipeline, for callers that tag one text at a time. */
final class TokenLists {
    private TokenLists() {}

    /** The words of the text (Vigil's tokenization) as one token list, treated as one sentence. */
    static List<List<CoreLabel>> oneSentence(String text) {
        List<CoreLabel> tokens = new ArrayList<>();
        for (String word : Tokenization.words(text)) {
            CoreLabel token = new CoreLabel();
            token.setWord(word);
            token.setValue(word);
            token.setOriginalText(word);
            tokens.add(token);
        }
        return List.of(tokens);
    }
}
